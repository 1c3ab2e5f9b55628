// The `t` the components get in the tests: the shipped messages, so a test reads what a reader sees.
import { translator, type MessageEntry } from '@/lib/i18n';
import enMessages from '@/public/_locales/en/messages.json';
import zhMessages from '@/public/_locales/zh_CN/messages.json';

export const en = translator(enMessages as Record<string, MessageEntry>);
export const zh = translator(zhMessages as Record<string, MessageEntry>);
