import Link from 'next/link';

const LINKS = [
  { href: '/', label: 'Interpret' },
  { href: '/references', label: 'Reference review' },
] as const;

/**
 * The site header with the main navigation; the current page is marked for assistive technology.
 * @param props - the path of the current page
 * @returns the header
 */
export function SiteHeader({ current }: { current: (typeof LINKS)[number]['href'] }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <p className="site-title">Back-pain lab interpreter</p>
        <nav aria-label="Main">
          <ul>
            {LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href} aria-current={link.href === current ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
