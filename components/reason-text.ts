// A grade's reason in the interface's language: lib/extract/related/relevance/ keeps it as data (a kind, the
// words behind it, a field id); describeReason there is the English wording for tools.
import type { Translate } from '@/lib/i18n';
import type { Mark } from '@/lib/reader/related-marks';
import type { RelevanceReason } from '@/lib/extract/related/relevance';

/** A news field's name (the ids of lib/extract/related/relevance/field-cues.ts); an unknown id is shown as it is. */
export function fieldName(field: string, t: Translate): string {
  const names: Record<string, () => string> = {
    politics: () => t('fieldPolitics'),
    world: () => t('fieldWorld'),
    hktw: () => t('fieldHktw'),
    military: () => t('fieldMilitary'),
    economy: () => t('fieldEconomy'),
    tech: () => t('fieldTech'),
    ai: () => t('fieldAi'),
    software: () => t('fieldSoftware'),
    hardware: () => t('fieldHardware'),
    science: () => t('fieldScience'),
    environment: () => t('fieldEnvironment'),
    health: () => t('fieldHealth'),
    legal: () => t('fieldLegal'),
    society: () => t('fieldSociety'),
    entertainment: () => t('fieldEntertainment'),
    sports: () => t('fieldSports'),
    autos: () => t('fieldAutos'),
    history: () => t('fieldHistory'),
    weather: () => t('fieldWeather'),
    culture: () => t('fieldCulture'),
    lifestyle: () => t('fieldLifestyle'),
  };
  return Object.hasOwn(names, field) ? names[field]() : field;
}

/** Why an item has its grade, in words; `marked` when the reader's own mark decided it. */
export function reasonText(reason: RelevanceReason, t: Translate, marked?: Mark): string {
  if (marked) return marked === 'off' ? t('reasonMarkedOff') : t('reasonMarkedOn');
  const terms = (reason.terms ?? []).join(t('termSeparator'));
  const field = reason.field ? fieldName(reason.field, t) : '';
  switch (reason.kind) {
    case 'shared':
      return terms ? t('reasonShared', terms) : t('reasonSharedPlain');
    case 'same-section':
      return terms ? t('reasonSameSection', terms) : t('reasonSameSectionPlain');
    case 'same-field':
      return field ? t('reasonSameField', field) : t('reasonSameFieldPlain');
    case 'same-series':
      return t('reasonSameSeries');
    case 'same-list':
      return t('reasonSameList');
    case 'keyword-only':
      return terms ? t('reasonKeywordOnly', terms) : t('reasonKeywordOnlyPlain');
    case 'different-topic':
      return field ? t('reasonDifferentTopic', field) : t('reasonDifferentTopicPlain');
    case 'site-feed':
      return t('reasonSiteFeed');
    case 'sponsored':
      return t('reasonSponsored');
  }
}
