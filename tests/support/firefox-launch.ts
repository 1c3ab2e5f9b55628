// Starts Debian's firefox-esr headless in a fresh, throw-away profile with Marionette on a free
// port, and with Firefox's own background traffic (updates, telemetry, safe browsing, remote
// settings, add-on metadata, DNS prefetch...) switched off. Whatever still tries to reach the
// network is sent to `proxyPort`, a local server that refuses it (page-server.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Marionette } from './firefox-marionette';

/** The Firefox binary: $FIREFOX_BIN when set, else Debian's firefox-esr (what .ci/run installs). */
export function findFirefox(): string | null {
  const candidates = process.env.FIREFOX_BIN ? [process.env.FIREFOX_BIN] : ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path) => existsSync(path)) ?? null;
}

function offlinePrefs(proxyPort: number): Record<string, string | number | boolean> {
  const nowhere = 'data:,';
  return {
    // Marionette picks a free port and writes it to <profile>/MarionetteActivePort.
    'marionette.port': 0,
    // Everything not bound for the fixture server goes to the refusing proxy.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.socks_remote_dns': true,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.dns.use_https_rr_as_altsvc': false,
    'browser.urlbar.speculativeConnect.enabled': false,
    'browser.places.speculativeConnect.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    // Updates, telemetry, studies, remote settings.
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.update.checkInstallTime': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.policy.firstRunURL': '',
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': nowhere,
    'toolkit.crashreporter.enabled': false,
    'services.settings.server': `${nowhere}#remote-settings-dummy/v1`,
    'browser.ping-centre.telemetry': false,
    'browser.discovery.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'geo.provider.network.url': '',
    'browser.search.update': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'media.gmp-manager.url': nowhere,
    'media.gmp-manager.chromium-update-url': nowhere,
    'media.gmp-provider.enabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-widevinecdm.enabled': false,
    // Add-ons: no metadata, update or blocklist fetches.
    'extensions.getAddons.cache.enabled': false,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.webservice.discoverURL': nowhere,
    'extensions.getAddons.discovery.api_url': nowhere,
    // A quiet start on about:blank.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': 'about:blank',
    'browser.aboutwelcome.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.topsites.contile.enabled': false,
    'browser.sessionstore.resume_from_crash': false,
    'toolkit.startup.max_resumed_crashes': -1,
  };
}

export interface RunningFirefox {
  marionette: Marionette;
  /** e.g. "153.8.0" */
  version: string;
  /** Quits Firefox and deletes the profile. */
  close(): Promise<void>;
}

async function waitForPortFile(profile: string, child: ChildProcess, log: () => string): Promise<number> {
  const file = join(profile, 'MarionetteActivePort');
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`firefox exited (${child.exitCode}) before Marionette started:\n${log()}`);
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').trim());
      if (port > 0) return port;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Marionette did not start within 60 s:\n${log()}`);
}

export async function launchFirefox(binary: string, proxyPort: number): Promise<RunningFirefox> {
  const profile = mkdtempSync(join(tmpdir(), 'sift-firefox-profile-'));
  const userJs = Object.entries(offlinePrefs(proxyPort))
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
  writeFileSync(join(profile, 'user.js'), `${userJs}\n`);

  // -remote-allow-system-access lets Marionette run script in the browser's own (chrome)
  // context, where the test reads the add-on's toolbar badge.
  const args = ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile];
  const child = spawn(binary, [...args, 'about:blank'], {
    env: {
      ...process.env,
      MOZ_HEADLESS: '1',
      MOZ_CRASHREPORTER_DISABLE: '1',
      MOZ_DISABLE_AUTO_SAFE_MODE: '1',
      // Release builds ignore services.settings.server (remote settings) unless this is set.
      MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Should the test process die first, Firefox must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const close = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    const port = await waitForPortFile(profile, child, () => output);
    const marionette = await Marionette.connect(port);
    const { capabilities } = await marionette.command<{ capabilities: { browserVersion: string } }>(
      'WebDriver:NewSession',
      { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } },
    );
    return {
      marionette,
      version: capabilities.browserVersion,
      close: async () => {
        marionette.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
