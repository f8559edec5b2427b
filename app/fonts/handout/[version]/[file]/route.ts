import { FONT_SET_VERSION } from '@/lib/handout/font/files';
import { handoutFontFile } from '@/server/handout-fonts';

// The fonts the browser needs for a handout (lib/handout/font/files.ts): the DejaVu core, DejaVu
// and CJK blocks, Noto families; the same bytes the server embeds. Public font data, no patient
// data: the URL names a script or a block of 256 code points, never a name. The version in the
// URL is a digest of the files, so they are cached as immutable.
const FILE = /^([a-z0-9-]+)\.(regular|bold)\.ttf$/;

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ version: string; file: string }> },
): Promise<Response> {
  const { version, file } = await params;
  const match = FILE.exec(file);
  const bytes =
    version === FONT_SET_VERSION && match
      ? handoutFontFile(match[1]!, match[2] as 'regular' | 'bold')
      : undefined;
  if (!bytes) return new Response('Not found', { status: 404 });
  return new Response(bytes.slice().buffer, {
    headers: {
      'Content-Type': 'font/ttf',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
