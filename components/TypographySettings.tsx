// The settings panel's spacing group (issue 18): line, letter (字间距) and paragraph spacing as
// sliders, and justified text. Each change is reported at once, like the rest of the panel.
import { useId } from 'preact/hooks';
import { LETTER_SPACING, LINE_SPACING, PARAGRAPH_SPACING, inRange, type NumberRange, type Settings } from '@/lib/settings';
import type { Translate } from '@/lib/i18n';

export interface TypographySettingsProps {
  settings: Settings;
  onChange: (next: Settings) => void;
  t: Translate;
}

type SpacingKey = 'lineSpacing' | 'letterSpacing' | 'paragraphSpacing';

export function TypographySettings({ settings, onChange, t }: TypographySettingsProps) {
  const id = useId();
  const sliders: { key: SpacingKey; label: string; range: NumberRange; shown: (v: number) => string }[] = [
    { key: 'lineSpacing', label: t('lineSpacing'), range: LINE_SPACING, shown: (v) => v.toFixed(2) },
    { key: 'letterSpacing', label: t('letterSpacing'), range: LETTER_SPACING, shown: (v) => t('spacingEm', v.toFixed(2)) },
    { key: 'paragraphSpacing', label: t('paragraphSpacing'), range: PARAGRAPH_SPACING, shown: (v) => t('spacingEm', v.toFixed(2)) },
  ];
  return (
    <fieldset class="sift-field sift-typography">
      <legend>{t('settingSpacing')}</legend>
      {sliders.map(({ key, label, range, shown }) => {
        const inputId = `${id}-${key}`;
        const value = settings[key];
        return (
          <div class="sift-slider" key={key}>
            <label for={inputId}>{label}</label>
            <input
              id={inputId}
              type="range"
              min={range.min}
              max={range.max}
              step={range.step}
              value={value}
              aria-valuetext={shown(value)}
              onInput={(event) => {
                const next = inRange(Number((event.currentTarget as HTMLInputElement).value), range, value);
                if (next !== value) onChange({ ...settings, [key]: next });
              }}
            />
            <output for={inputId}>{shown(value)}</output>
          </div>
        );
      })}
      <label class="sift-check">
        <input type="checkbox" checked={settings.justify} onChange={() => onChange({ ...settings, justify: !settings.justify })} />
        {t('justifyText')}
      </label>
    </fieldset>
  );
}
