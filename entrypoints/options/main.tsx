// Sift's options page (issue 19): the same components, styles and locales as the popup.
import { render } from 'preact';
import { browserTranslator, uiLanguage } from '@/lib/browser-i18n';
import { askFrom, OptionsApp } from './App';
import './style.css';

const t = browserTranslator();
document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<OptionsApp t={t} ask={askFrom(location.search)} />, document.getElementById('app')!);
