/**
 * `npm run teams:package`: builds dist/teams-app.zip (manifest.json, color.png, outline.png) for
 * Teams' "Upload a custom app". The bot id comes from MicrosoftAppId in the environment or .env.
 *
 * Optional: TEAMS_APP_HOST (the bot's public host, e.g. protocol-bot.example.gov.uk: added to
 * validDomains and used for the developer URLs), TEAMS_APP_DEVELOPER (default "Democratic
 * Services"), TEAMS_APP_WEBSITE_URL, TEAMS_APP_PRIVACY_URL, TEAMS_APP_TERMS_URL. `--out <file>`
 * writes somewhere else.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { parse as parseDotenv } from 'dotenv';
import { buildManifest, ICON_FILES, isGuid, manifestProblems } from '../adapters/teams/manifest/app-manifest';

export const DEFAULT_OUT = join('dist', 'teams-app.zip');
const PLACEHOLDER_SITE = 'https://example.org';

export class PackageError extends Error {}

export interface PackageResult {
  file: string;
  manifest: Record<string, unknown>;
  warnings: string[];
}

/** Builds the package from settings (environment merged over .env); throws PackageError naming what is wrong. */
export function packageTeamsApp(settings: Record<string, string | undefined>, options: { out: string; version: string }): PackageResult {
  const appId = settings.MicrosoftAppId?.trim();
  if (!appId) {
    throw new PackageError('MicrosoftAppId is not set. Put the Azure Bot\'s Microsoft App ID in .env (MicrosoftAppId=…) or the environment, then run npm run teams:package again.');
  }
  if (!isGuid(appId)) {
    throw new PackageError(`MicrosoftAppId must be a GUID like 00000000-0000-0000-0000-000000000000 (got "${appId}"). Copy it from the Azure Bot's Configuration page.`);
  }
  const warnings: string[] = [];
  const host = hostOf(settings.TEAMS_APP_HOST);
  const site = host ? `https://${host}` : PLACEHOLDER_SITE;
  if (!host && !settings.TEAMS_APP_WEBSITE_URL) {
    warnings.push(`TEAMS_APP_HOST is not set: the app's About page will link to ${PLACEHOLDER_SITE}. Set it to the bot's public host name.`);
  }
  const manifest = buildManifest({
    appId,
    version: options.version,
    developerName: settings.TEAMS_APP_DEVELOPER?.trim() || 'Democratic Services',
    websiteUrl: settings.TEAMS_APP_WEBSITE_URL?.trim() || `${site}/`,
    privacyUrl: settings.TEAMS_APP_PRIVACY_URL?.trim() || `${site}/privacy`,
    termsUrl: settings.TEAMS_APP_TERMS_URL?.trim() || `${site}/terms`,
    validDomains: host ? [host] : [],
  });
  const problems = manifestProblems(manifest);
  if (problems.length) throw new PackageError(`The Teams manifest would be rejected:\n  ${problems.join('\n  ')}`);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  zip.addFile('color.png', readFileSync(ICON_FILES.color));
  zip.addFile('outline.png', readFileSync(ICON_FILES.outline));
  mkdirSync(dirname(resolve(options.out)), { recursive: true });
  zip.writeZip(resolve(options.out));
  return { file: resolve(options.out), manifest, warnings };
}

/** "host", "https://host/" or "host:8443" → the host (and port); undefined when empty. */
function hostOf(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  try {
    return new URL(v.includes('://') ? v : `https://${v}`).host;
  } catch {
    throw new PackageError(`TEAMS_APP_HOST must be a host name such as protocol-bot.example.gov.uk (got "${v}").`);
  }
}

function main(): void {
  const envFile = resolve('.env');
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  const settings = { ...fromFile, ...process.env };
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1]! : DEFAULT_OUT;
  const { version } = JSON.parse(readFileSync(resolve(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  try {
    const result = packageTeamsApp(settings, { out, version });
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    process.stdout.write(`Wrote ${result.file}\nIn Teams: Apps > Manage your apps > Upload an app > Upload a custom app, and choose this file.\n`);
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}

if (require.main === module) main();
