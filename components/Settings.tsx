// The settings panel: theme, font, size and width, spacing (TypographySettings.tsx), how the related list shows, and a way to forget
// the reader's "Related / Not related" marks. Every change is reported at once; the owner saves it
// (lib/settings.ts) and every open reader view follows.
import { useId, useState } from 'preact/hooks';
import {
  BADGE_STYLES,
  CONTENT_WIDTHS,
  FONT_FAMILIES,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  THEMES,
  type Settings,
} from '@/lib/settings';
import type { Translate } from '@/lib/i18n';
import { TypographySettings } from './TypographySettings';

export interface SettingsPanelProps {
  settings: Settings;
  onChange: (next: Settings) => void;
  t: Translate;
  /** Forgets every site's marks (lib/reader/related-marks.ts); without it the panel offers no button. */
  onClearMarks?: () => Promise<void>;
}

export function SettingsPanel({ settings, onChange, t, onClearMarks }: SettingsPanelProps) {
  const [cleared, setCleared] = useState(false);
  const id = useId();
  const labels: Record<string, string> = {
    auto: t('themeAuto'),
    light: t('themeLight'),
    dark: t('themeDark'),
    sepia: t('themeSepia'),
    serif: t('fontSerif'),
    sans: t('fontSans'),
    kai: t('fontKai'),
    narrow: t('widthNarrow'),
    medium: t('widthMedium'),
    wide: t('widthWide'),
    count: t('badgeCount'),
    dot: t('badgeDot'),
    off: t('badgeOff'),
  };
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  return (
    <section class="sift-settings" aria-label={t('settingsLabel')}>
      <Choice legend={t('settingTheme')} labels={labels} name={`${id}-theme`} options={THEMES} value={settings.theme} onPick={(v) => set('theme', v)} />
      <Choice legend={t('settingFont')} labels={labels} name={`${id}-font`} options={FONT_FAMILIES} value={settings.fontFamily} onPick={(v) => set('fontFamily', v)} />
      <fieldset class="sift-field">
        <legend>{t('settingTextSize')}</legend>
        <div class="sift-stepper">
          <button
            type="button"
            aria-label={t('smallerText')}
            disabled={settings.fontSize <= FONT_SIZE_MIN}
            onClick={() => set('fontSize', settings.fontSize - 1)}
          >
            A−
          </button>
          <output aria-live="polite" class="sift-size">{t('fontSizePx', settings.fontSize)}</output>
          <button
            type="button"
            aria-label={t('largerText')}
            disabled={settings.fontSize >= FONT_SIZE_MAX}
            onClick={() => set('fontSize', settings.fontSize + 1)}
          >
            A+
          </button>
        </div>
      </fieldset>
      <Choice legend={t('settingWidth')} labels={labels} name={`${id}-width`} options={CONTENT_WIDTHS} value={settings.contentWidth} onPick={(v) => set('contentWidth', v)} />
      <TypographySettings settings={settings} onChange={onChange} t={t} />
      <fieldset class="sift-field">
        <legend>{t('settingRelated')}</legend>
        <label class="sift-check">
          <input type="checkbox" checked={settings.relatedPageOrder} onChange={() => set('relatedPageOrder', !settings.relatedPageOrder)} />
          {t('settingPageOrder')}
        </label>
        <label class="sift-check">
          <input type="checkbox" checked={settings.showSummaries} onChange={() => set('showSummaries', !settings.showSummaries)} />
          {t('showSummaries')}
        </label>
        {onClearMarks && (
          <p class="sift-clear-marks">
            <button type="button" class="sift-btn" onClick={() => onClearMarks().then(() => setCleared(true), () => {})}>
              {t('clearMarks')}
            </button>
            <output aria-live="polite">{cleared ? t('marksCleared') : ''}</output>
          </p>
        )}
      </fieldset>
      {/* The badge, and what it means: said here, not only in the button's tooltip. */}
      <div class="sift-field">
        <Choice legend={t('settingBadge')} labels={labels} name={`${id}-badge`} options={BADGE_STYLES} value={settings.badge} onPick={(v) => set('badge', v)} />
        <p class="sift-field-note">{t('badgeExplain')}</p>
      </div>
    </section>
  );
}

interface ChoiceProps<T extends string> {
  legend: string;
  labels: Record<string, string>;
  name: string;
  options: readonly T[];
  value: T;
  onPick: (value: T) => void;
}

function Choice<T extends string>({ legend, labels, name, options, value, onPick }: ChoiceProps<T>) {
  return (
    <fieldset class="sift-field">
      <legend>{legend}</legend>
      <div class="sift-segmented">
        {options.map((option) => (
          <label key={option} class={option === value ? 'is-checked' : ''}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={option === value}
              onChange={() => onPick(option)}
            />
            {labels[option] ?? option}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
