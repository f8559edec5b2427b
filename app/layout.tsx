import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Back-pain lab interpreter',
  description: 'Interprets 25-hydroxyvitamin D, vitamin B12 and magnesium results for clinicians.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page renders per request: the CSP nonce from proxy.ts can only be put on the page's
// scripts while rendering it, never on a page prerendered at build time.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
