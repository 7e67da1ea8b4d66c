/**
 * The Teams app manifest (schema v1.19) filled in from manifest.template.json, and the checks
 * Teams' "Upload a custom app" would otherwise fail on, so a mistake shows before upload.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_DIR = __dirname;
export const TEMPLATE_FILE = join(__dirname, 'manifest.template.json');
export const ICON_FILES = Object.freeze({ color: join(__dirname, 'color.png'), outline: join(__dirname, 'outline.png') });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export interface ManifestValues {
  /** The bot's Microsoft App ID; also used as the Teams app id. */
  appId: string;
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
  /** Host names only (no scheme), e.g. the bot's public host. */
  validDomains: string[];
}

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** The template with every {{NAME}} replaced and validDomains set. */
export function buildManifest(values: ManifestValues, templateText: string = readFileSync(TEMPLATE_FILE, 'utf8')): Record<string, unknown> {
  const placeholders: Record<string, string> = {
    APP_ID: values.appId.toLowerCase(),
    VERSION: values.version,
    DEVELOPER_NAME: values.developerName,
    WEBSITE_URL: values.websiteUrl,
    PRIVACY_URL: values.privacyUrl,
    TERMS_URL: values.termsUrl,
  };
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
        const value = placeholders[name];
        if (value === undefined) throw new Error(`manifest.template.json: unknown placeholder ${whole}`);
        return value;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  const manifest = fill(JSON.parse(templateText)) as Record<string, unknown>;
  manifest.validDomains = [...new Set(values.validDomains)];
  return manifest;
}

/** Problems Teams would reject the package for (empty when it is fine). Limits from the v1.19 schema. */
export function manifestProblems(manifest: Record<string, unknown>): string[] {
  const m = manifest as {
    id?: string;
    version?: string;
    developer?: Record<string, string>;
    name?: { short?: string; full?: string };
    description?: { short?: string; full?: string };
    accentColor?: string;
    bots?: { botId?: string; commandLists?: { commands: { title: string; description: string }[] }[] }[];
    validDomains?: string[];
  };
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  check(isGuid(m.id ?? ''), `id must be a GUID (got "${m.id}")`);
  check(SEMVER.test(m.version ?? ''), `version must be like 1.0.0 (got "${m.version}")`);
  check((m.developer?.name ?? '').length > 0 && (m.developer?.name ?? '').length <= 32, 'developer.name must be 1-32 characters');
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    check(/^https:\/\/\S+$/.test(m.developer?.[key] ?? ''), `developer.${key} must be an https:// URL (got "${m.developer?.[key]}")`);
  }
  check((m.name?.short ?? '').length <= 30, 'name.short must be at most 30 characters');
  check((m.name?.full ?? '').length <= 100, 'name.full must be at most 100 characters');
  check((m.description?.short ?? '').length <= 80, 'description.short must be at most 80 characters');
  check((m.description?.full ?? '').length <= 4000, 'description.full must be at most 4000 characters');
  check(/^#[0-9a-fA-F]{6}$/.test(m.accentColor ?? ''), 'accentColor must be #RRGGBB');
  for (const bot of m.bots ?? []) {
    check(isGuid(bot.botId ?? ''), 'bots[].botId must be the bot app id (a GUID)');
    for (const list of bot.commandLists ?? []) {
      check(list.commands.length <= 10, 'a command list may have at most 10 commands');
      for (const c of list.commands) {
        check(c.title.length <= 32, `command title "${c.title}" is over 32 characters`);
        check(c.description.length <= 128, `command "${c.title}" has a description over 128 characters`);
      }
    }
  }
  for (const d of m.validDomains ?? []) check(/^[a-z0-9*.-]+(:\d+)?$/i.test(d) && d !== '*', `validDomains entry "${d}" must be a host name without scheme or path`);
  return problems;
}
