// The reader's typography settings as CSS custom properties (issue 18). components/SiftRoot.tsx
// sets them on the reader's root; components/reader.css uses them, with the same defaults, so a
// reader view without settings looks as it did before.
import type { Settings } from '../settings';

export type TypographyVars = Record<'--sift-line-height' | '--sift-letter-spacing' | '--sift-paragraph-spacing', string>;

export function typographyVars(settings: Pick<Settings, 'lineSpacing' | 'letterSpacing' | 'paragraphSpacing'>): TypographyVars {
  return {
    '--sift-line-height': String(settings.lineSpacing),
    // 0 is "normal": the face's own spacing, which a CJK face sets for its full-width characters.
    '--sift-letter-spacing': settings.letterSpacing > 0 ? `${settings.letterSpacing}em` : 'normal',
    '--sift-paragraph-spacing': `${settings.paragraphSpacing}em`,
  };
}
