/**
 * The Teams app package: the manifest filled from the template with the bot id, the committed
 * icons (192x192 colour, 32x32 white-on-transparent outline), and clear errors for a bad app id.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { buildManifest, ICON_FILES, manifestProblems } from '../../../adapters/teams/manifest/app-manifest';
import { colorIcon, outlineIcon } from '../../../adapters/teams/manifest/icons';
import { PackageError, packageTeamsApp } from '../../../scripts/teams-package';
import { decodePng } from '../../helpers/teams-png';

const APP_ID = '3F2B1C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D';

describe('Teams app package', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a zip with manifest.json and both icons at its root, the bot id from MicrosoftAppId', () => {
    const out = join(dir, 'dist', 'teams-app.zip');
    const result = packageTeamsApp({ MicrosoftAppId: APP_ID, TEAMS_APP_HOST: 'https://protocol-bot.example.gov.uk/' }, { out, version: '1.2.3' });
    expect(result.warnings).toEqual([]);

    const zip = new AdmZip(out);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json');
    expect(manifest.manifestVersion).toBe('1.19');
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.id).toBe(APP_ID.toLowerCase());
    expect(manifest.validDomains).toEqual(['protocol-bot.example.gov.uk']);
    expect(manifest.developer.privacyUrl).toBe('https://protocol-bot.example.gov.uk/privacy');
    const [bot] = manifest.bots;
    expect(bot.botId).toBe(APP_ID.toLowerCase());
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = bot.commandLists.flatMap((l: { commands: { title: string }[] }) => l.commands.map((c) => c.title));
    expect(titles).toEqual(expect.arrayContaining(['help', 'notice', 'notices', 'report', '2.4']));
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(zip.readFile('color.png')!.equals(readFileSync(ICON_FILES.color))).toBe(true);
  });

  it('refuses a missing or malformed MicrosoftAppId with a message saying what to do', () => {
    const out = join(dir, 'teams-app.zip');
    expect(() => packageTeamsApp({}, { out, version: '1.0.0' })).toThrow(PackageError);
    expect(() => packageTeamsApp({}, { out, version: '1.0.0' })).toThrow(/MicrosoftAppId is not set.*\.env/);
    expect(() => packageTeamsApp({ MicrosoftAppId: 'my-bot' }, { out, version: '1.0.0' })).toThrow(/must be a GUID.*"my-bot"/);
  });

  it('warns when the bot host is not set, and still builds a valid package', () => {
    const result = packageTeamsApp({ MicrosoftAppId: APP_ID }, { out: join(dir, 'a.zip'), version: '1.0.0' });
    expect(result.warnings).toEqual([expect.stringContaining('TEAMS_APP_HOST')]);
    expect(manifestProblems(result.manifest)).toEqual([]);
  });

  it('catches what Teams would reject: a long command title, a bad version, an http URL', () => {
    const template = readFileSync(join(__dirname, '../../../adapters/teams/manifest/manifest.template.json'), 'utf8').replace('"title": "report"', '"title": "report of every unanswered question ever"');
    const manifest = buildManifest(
      { appId: APP_ID, version: '1.0', developerName: 'DS', websiteUrl: 'http://insecure.example', privacyUrl: 'https://x.example/p', termsUrl: 'https://x.example/t', validDomains: [] },
      template,
    );
    expect(manifestProblems(manifest)).toEqual([
      'version must be like 1.0.0 (got "1.0")',
      'developer.websiteUrl must be an https:// URL (got "http://insecure.example")',
      'command title "report of every unanswered question ever" is over 32 characters',
    ]);
  });
});

describe('Teams app icons', () => {
  it('the committed PNGs are what icons.ts draws (run generate-icons.ts after changing it)', () => {
    expect(readFileSync(ICON_FILES.color).equals(colorIcon())).toBe(true);
    expect(readFileSync(ICON_FILES.outline).equals(outlineIcon())).toBe(true);
  });

  it('color.png is 192x192 and opaque', () => {
    const png = decodePng(readFileSync(ICON_FILES.color));
    expect([png.width, png.height]).toEqual([192, 192]);
    for (let i = 3; i < png.pixels.length; i += 4) expect(png.pixels[i]).toBe(255);
  });

  it('outline.png is 32x32, white on transparent', () => {
    const png = decodePng(readFileSync(ICON_FILES.outline));
    expect([png.width, png.height]).toEqual([32, 32]);
    let opaque = 0;
    let clear = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      const alpha = png.pixels[i + 3]!;
      if (alpha > 0) expect([png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]]).toEqual([255, 255, 255]);
      if (alpha === 255) opaque += 1;
      if (alpha === 0) clear += 1;
    }
    expect(opaque).toBeGreaterThan(50);
    expect(clear).toBeGreaterThan(512);
  });
});
