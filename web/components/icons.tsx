import type { ReactNode } from 'react';

// Inline icons (no icon font or CDN on closed networks). Decorative: hidden from assistive tech.
/** The one stroke style every inline icon shares. */
function StrokeIcon({ size, children }: { size: number; children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function InboxIcon({ size = 28 }: { size?: number }) {
  return (
    <StrokeIcon size={size}>
      <path d="M4 13h4l1.5 3h5L16 13h4" />
      <path d="M5.5 5h13L21 13v5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-5z" />
    </StrokeIcon>
  );
}

export function BellIcon({ size = 22 }: { size?: number }) {
  return (
    <StrokeIcon size={size}>
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </StrokeIcon>
  );
}
