// Applies the reader settings (theme, font, size, width, typography) to everything under it as CSS
// custom properties; reader.css does the rest.
import type { ComponentChildren } from 'preact';
import type { Settings } from '@/lib/settings';
import { typographyVars } from '@/lib/reader/typography';

const WIDTHS = { narrow: '32em', medium: '40em', wide: '52em' } as const;

export interface SiftRootProps {
  settings: Settings;
  class?: string;
  children: ComponentChildren;
}

export function SiftRoot({ settings, class: className, children }: SiftRootProps) {
  return (
    <div
      class={`sift ${className ?? ''}`}
      data-theme={settings.theme}
      data-font={settings.fontFamily}
      data-width={settings.contentWidth}
      data-justify={settings.justify ? 'true' : undefined}
      style={{ '--sift-font-size': `${settings.fontSize}px`, '--sift-width': WIDTHS[settings.contentWidth], ...typographyVars(settings) }}
    >
      {children}
    </div>
  );
}
