// Validates electron-builder.yml against electron-builder's own JSON schema, without building,
// and checks the fields installers need: targets, protocol, file associations, icons, excluded sources.
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  files: string[];
  protocols: Array<{ schemes: string[] }>;
  fileAssociations: Array<{ ext: string | string[] }>;
  linux: { target: string[] };
  mac: { target: string };
  win: { target: string };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(join(require.resolve('app-builder-lib/package.json'), '..', 'scheme.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema is strict enough to catch a typo.
    expect(validate({ ...config, protocol: config.protocols })).toBe(false);
  });

  it('builds AppImage and deb, dmg and NSIS, with an app id and product name', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Dossier');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
  });

  it('registers the dossier:// protocol and the import formats', () => {
    expect(config.protocols[0].schemes).toEqual(['dossier']);
    const extensions = config.fileAssociations.flatMap((a) => [a.ext].flat());
    expect(extensions).toEqual(expect.arrayContaining(['txt', 'md', 'html', 'htm', 'pdf', 'docx']));
  });

  it('points at icons that exist and excludes the sources', () => {
    expect(existsSync(join(root, config.icon))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(join(root, 'resources', 'icons', `${size}x${size}.png`))).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(config.files).toEqual(expect.arrayContaining(['!**/*.{ts,tsx,vue,md}', '!{electron,renderer,shared,tests,scripts,bin,.ci}/**/*']));
  });

  it('is the configuration `npm run dist` uses, and package.json points Electron at the built main', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.dist).toMatch(/electron-builder/);
    expect(pkg.main).toBe('./out/main/index.js');
  });
});
