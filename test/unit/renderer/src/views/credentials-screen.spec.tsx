// @vitest-environment jsdom
/** The Credentials screen: passwords are write-only, the not-persistent warning is loud, sets are removed. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialSetInfo } from '../../../../../shared/contract.js';
import { fail, ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { createFakeApi } from '../../../../support/fake-api.js';

afterEach(cleanup);

const PASSWORD = 'cam-pass-Ünï-7#x';
const USER = 'root-user-5f2';

/** A fake vault as the contract says: passwords go in, names/scope/match come out. */
function fakeVault(initial: CredentialSetInfo[] = [], persistent = true, warning: string | null = null) {
  const fake = createFakeApi();
  let sets = initial;
  const list = () => ok({ sets, persistent, warning });
  fake.handle('devices.list', () => Promise.resolve(ok({ devices: [] })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  fake.handle('credentials.list', () => Promise.resolve(list()));
  fake.handle('credentials.save', (args) => {
    const { name, scope, match } = args as CredentialSetInfo;
    sets = [...sets, { name, scope, match }];
    return Promise.resolve(list());
  });
  fake.handle('credentials.remove', (args) => {
    sets = sets.filter((set) => set.name !== (args as { name: string }).name);
    return Promise.resolve(list());
  });
  return fake;
}

async function openCredentials(fake: ReturnType<typeof createFakeApi>) {
  render(<App api={fake.api} />);
  fireEvent.click(screen.getByTestId('nav-credentials'));
  return screen.findByTestId('credentials-screen');
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const pageHasText = (text: string) =>
  document.body.innerHTML.includes(text) || [...document.querySelectorAll('input')].some((el) => el.value.includes(text));
const names = () => screen.queryAllByTestId('credential-name').map((el) => el.textContent);

function fillSet(name: string, password = PASSWORD) {
  fireEvent.change(input('credential-new-name'), { target: { value: name } });
  fireEvent.change(input('credential-new-username'), { target: { value: USER } });
  fireEvent.change(input('credential-new-password'), { target: { value: password } });
}

describe('Credentials screen', () => {
  it('saves a set, empties the form and never shows the password (or user name) again', async () => {
    const fake = fakeVault();
    await openCredentials(fake);
    await screen.findByTestId('credentials-empty');
    fillSet('Site default');
    expect(input('credential-new-password').type).toBe('password');
    fireEvent.click(screen.getByTestId('credential-save'));

    expect((await screen.findByTestId('credential-save-status')).textContent).toBe('Saved "Site default".');
    expect(fake.calls.find((call) => call.command === 'credentials.save')?.args).toEqual({
      name: 'Site default',
      scope: 'site',
      match: null,
      username: USER,
      password: PASSWORD,
    });
    expect(names()).toEqual(['Site default']);
    expect(input('credential-new-password').value).toBe('');
    expect(pageHasText(PASSWORD)).toBe(false);
    expect(pageHasText(USER)).toBe(false);

    // Leaving and coming back does not bring it back either.
    fireEvent.click(screen.getByTestId('nav-devices'));
    fireEvent.click(screen.getByTestId('nav-credentials'));
    await screen.findByTestId('credential-list');
    expect(pageHasText(PASSWORD)).toBe(false);
  });

  it('lists sets in the core order with scope and match, and sends a camera MAC in normal form', async () => {
    const fake = fakeVault([
      { name: 'Lobby cam', scope: 'camera', match: '00:40:8c:12:34:56' },
      { name: 'Axis', scope: 'vendor', match: 'AXIS' },
    ]);
    await openCredentials(fake);
    await screen.findByTestId('credential-list');
    expect(names()).toEqual(['Lobby cam', 'Axis']);
    expect(screen.getAllByTestId('credential-match').map((el) => el.textContent)).toEqual(['camera 00:40:8c:12:34:56', 'vendor AXIS']);

    fireEvent.change(input('credential-new-scope'), { target: { value: 'camera' } });
    fillSet('Gate cam');
    fireEvent.change(input('credential-new-match'), { target: { value: 'AC-CC-8E-00-00-02' } });
    fireEvent.click(screen.getByTestId('credential-save'));
    await screen.findByTestId('credential-save-status');
    expect(fake.calls.find((call) => call.command === 'credentials.save')?.args).toMatchObject({
      scope: 'camera',
      match: 'ac:cc:8e:00:00:02',
    });
    expect(names()).toEqual(['Lobby cam', 'Axis', 'Gate cam']);
  });

  it('does not send an incomplete set and says what is missing', async () => {
    const fake = fakeVault();
    await openCredentials(fake);
    await screen.findByTestId('credentials-empty');
    fireEvent.change(input('credential-new-name'), { target: { value: 'Site' } });
    fireEvent.click(screen.getByTestId('credential-save'));
    expect((await screen.findByTestId('credential-problem')).textContent).toMatch(/user name/);
    expect(fake.calls.some((call) => call.command === 'credentials.save')).toBe(false);
  });

  it('keeps the form when the core refuses the save, with its sentence', async () => {
    const fake = fakeVault();
    fake.handle('credentials.save', () => Promise.resolve(fail('busy', 'The vault is full; remove a set first.')));
    await openCredentials(fake);
    await screen.findByTestId('credentials-empty');
    fillSet('Site');
    fireEvent.click(screen.getByTestId('credential-save'));
    expect((await screen.findByTestId('credential-save-status')).textContent).toBe('The vault is full; remove a set first.');
    expect(input('credential-new-name').value).toBe('Site');
  });

  it('warns loudly when passwords last only until the app closes', async () => {
    await openCredentials(fakeVault([], false, 'This computer offers no encryption for stored passwords.'));
    const warning = await screen.findByTestId('credentials-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.className).toContain('notice-warn');
    expect(warning.textContent).toContain('kept only until the app closes');
    expect(warning.textContent).toContain('This computer offers no encryption for stored passwords.');
  });

  it('shows no warning when passwords persist', async () => {
    await openCredentials(fakeVault([{ name: 'Site', scope: 'site', match: null }]));
    await screen.findByTestId('credential-list');
    expect(screen.queryByTestId('credentials-warning')).toBeNull();
  });

  it('removes a set with its Remove button', async () => {
    const fake = fakeVault([
      { name: 'Site', scope: 'site', match: null },
      { name: 'Axis', scope: 'vendor', match: 'AXIS' },
    ]);
    await openCredentials(fake);
    const axis = (await screen.findAllByTestId('credential-set'))[1]!;
    fireEvent.click(within(axis).getByRole('button', { name: 'Remove Axis' }));
    await screen.findByText('Site');
    await expect.poll(names).toEqual(['Site']);
    expect(fake.calls.find((call) => call.command === 'credentials.remove')?.args).toEqual({ name: 'Axis' });
  });

  it("shows the core's sentence while the vault is unavailable, and tries again on request", async () => {
    const fake = fakeVault();
    fake.handle('credentials.list', () => Promise.resolve(fail('unavailable', 'Credential sets are not available in this build yet.')));
    await openCredentials(fake);
    const error = await screen.findByTestId('credentials-load-error');
    expect(error.textContent).toContain('Credential sets are not available in this build yet.');
    expect(screen.queryByTestId('error-banner')).toBeNull();
    fake.handle('credentials.list', () => Promise.resolve(ok({ sets: [], persistent: true, warning: null })));
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('credentials-empty')).toBeTruthy();
  });
});
