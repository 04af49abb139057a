import i18next, { type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../../common/errors";
import { setLanguageSource } from "./api";
import { commonMessages } from "./common.messages";
import { enumMessages } from "./enum.messages";

export const languages: readonly Lang[] = ["zh-CN", "en"] as const;
const storageKey = "zhaoyin.lang";

/** Messages of one namespace in both languages. */
export type Messages = Record<Lang, Record<string, unknown>>;

const isLang = (v: unknown): v is Lang => v === "zh-CN" || v === "en";

const storedLanguage = (): Lang => {
  try {
    const v = window.localStorage.getItem(storageKey);
    return isLang(v) ? v : "zh-CN";
  } catch {
    return "zh-CN";
  }
};

const applyLanguage = (lang: Lang): void => {
  document.documentElement.lang = lang;
};

const toResource = (bundles: Record<string, Messages>): Resource => {
  const out: Resource = { "zh-CN": {}, en: {} };
  for (const [ns, m] of Object.entries(bundles)) {
    for (const lang of languages) {
      const r = out[lang];
      if (r) r[ns] = m[lang];
    }
  }
  return out;
};

const initial = storedLanguage();
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: toResource({ common: commonMessages, enums: enumMessages }),
  lng: initial,
  fallbackLng: "zh-CN",
  defaultNS: "common",
  ns: ["common", "enums"],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(initial);
setLanguageSource(() => currentLanguage());

/** Features bring their own namespaces; the app registers them once at start. */
export const registerMessages = (ns: string, messages: Messages): void => {
  for (const lang of languages) i18n.addResourceBundle(lang, ns, messages[lang], true, true);
};

export const currentLanguage = (): Lang => (isLang(i18n.language) ? i18n.language : "zh-CN");

export const changeLanguage = async (lang: Lang): Promise<void> => {
  try {
    window.localStorage.setItem(storageKey, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyLanguage(lang);
  await i18n.changeLanguage(lang);
};
