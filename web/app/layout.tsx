import '@mantine/core/styles.css';
import './globals.css';
import { ColorSchemeScript, mantineHtmlProps } from '@mantine/core';
import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { messages } from '@/messages/es-MX';
import { MAIN_CONTENT_ID } from '@/lib/layout-ids';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: messages.app.name, template: `%s · ${messages.app.name}` },
  description: messages.app.description,
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Set per request by proxy.ts: the page's scripts run only with it (Content-Security-Policy).
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="es-MX" {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript forceColorScheme="light" nonce={nonce} />
      </head>
      <body>
        <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
          {messages.app.skipToContent}
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
