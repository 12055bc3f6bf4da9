import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import en from './en';
import zhCN from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'tourong.lang';

export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    // storage unavailable: default
  }
  return 'zh-CN';
}

export async function changeLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // not persisted
  }
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

const initial = storedLanguage();
setApiLanguage(initial);
if (typeof document !== 'undefined') document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
