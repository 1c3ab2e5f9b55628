// The settings panel: theme, font, size and width. Every change is reported at once; the owner
// saves it (lib/settings.ts) and every open reader view follows.
import { useId } from 'preact/hooks';
import {
  CONTENT_WIDTHS,
  FONT_FAMILIES,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  THEMES,
  type Settings,
} from '@/lib/settings';

export interface SettingsPanelProps {
  settings: Settings;
  onChange: (next: Settings) => void;
}

const LABELS: Record<string, string> = {
  auto: 'Auto',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia',
  serif: 'Serif',
  sans: 'Sans',
  narrow: 'Narrow',
  medium: 'Medium',
  wide: 'Wide',
};

export function SettingsPanel({ settings, onChange }: SettingsPanelProps) {
  const id = useId();
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  return (
    <section class="sift-settings" aria-label="Reader settings">
      <Choice legend="Theme" name={`${id}-theme`} options={THEMES} value={settings.theme} onPick={(v) => set('theme', v)} />
      <Choice legend="Font" name={`${id}-font`} options={FONT_FAMILIES} value={settings.fontFamily} onPick={(v) => set('fontFamily', v)} />
      <fieldset class="sift-field">
        <legend>Text size</legend>
        <div class="sift-stepper">
          <button
            type="button"
            aria-label="Smaller text"
            disabled={settings.fontSize <= FONT_SIZE_MIN}
            onClick={() => set('fontSize', settings.fontSize - 1)}
          >
            A−
          </button>
          <output aria-live="polite" class="sift-size">{settings.fontSize}px</output>
          <button
            type="button"
            aria-label="Larger text"
            disabled={settings.fontSize >= FONT_SIZE_MAX}
            onClick={() => set('fontSize', settings.fontSize + 1)}
          >
            A+
          </button>
        </div>
      </fieldset>
      <Choice legend="Width" name={`${id}-width`} options={CONTENT_WIDTHS} value={settings.contentWidth} onPick={(v) => set('contentWidth', v)} />
    </section>
  );
}

interface ChoiceProps<T extends string> {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  onPick: (value: T) => void;
}

function Choice<T extends string>({ legend, name, options, value, onPick }: ChoiceProps<T>) {
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
            {LABELS[option] ?? option}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
