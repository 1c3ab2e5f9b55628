// Sift's options page (issue 19): the same components, styles and locales as the popup.
import { browser } from 'wxt/browser';
import { render } from 'preact';
import { substitutionList, type Translate } from '@/lib/i18n';
import { askFrom, OptionsApp } from './App';
import './style.css';

// (WXT types getMessage with one overload per key, which a union of keys cannot pick.)
const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
const t: Translate = (key, substitutions) => getMessage(key, substitutionList(substitutions)) || key;

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
render(<OptionsApp t={t} ask={askFrom(location.search)} />, document.getElementById('app')!);
