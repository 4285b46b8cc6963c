import { describe, expect } from 'vitest';
import { admin, expectGone, expectText, it, screenshot, signIn } from './support/browser';

describe('settings: users and teams', () => {
  it('lets an admin create a user and a team, add the user as a member, and remove them again', async ({ page }) => {
    const { email, password } = admin();
    const stamp = Date.now().toString(36);
    const person = { name: `Ayu Lestari ${stamp}`, email: `ayu.${stamp}@example.com` };
    const teamName = `Care ${stamp}`;

    await signIn(page, email, password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Users', exact: true }).waitFor();
    await page.getByRole('row', { name: email }).waitFor();

    // Create a user; a too-short password is named next to its field first.
    await page.getByRole('button', { name: 'New user', exact: true }).click();
    const createUser = page.getByRole('dialog', { name: 'New user' });
    await createUser.getByLabel('Email', { exact: true }).fill(person.email);
    await createUser.getByLabel('Name', { exact: true }).fill(person.name);
    await createUser.getByLabel('Role', { exact: true }).selectOption({ label: 'Agent' });
    await createUser.getByLabel('Password', { exact: true }).fill('short');
    await createUser.getByLabel('Language', { exact: true }).selectOption({ label: 'Bahasa Indonesia' });
    await createUser.getByRole('button', { name: 'Create user', exact: true }).click();
    await createUser.getByText('Must be at least 10 characters').waitFor();
    expect(await createUser.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await createUser.getByLabel('Password', { exact: true }).fill('a-long-enough-password');
    await createUser.getByRole('button', { name: 'Create user', exact: true }).click();
    await expectGone(page.getByRole('dialog', { name: 'New user' }));
    const row = page.getByRole('row', { name: person.name });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      person.email,
      'Agent',
      'Bahasa Indonesia',
      '20',
      'Active',
      'Edit',
    ]);

    // Change the new user's capacity in the edit dialog.
    await row.getByRole('button', { name: `Edit ${person.name}` }).click();
    const editUser = page.getByRole('dialog', { name: `Edit ${person.name}` });
    await editUser.getByLabel('Capacity', { exact: true }).fill('8');
    await editUser.getByRole('button', { name: 'Save', exact: true }).click();
    await expectGone(page.getByRole('dialog', { name: `Edit ${person.name}` }));
    await expectText(row.getByRole('cell').nth(3), '8');

    // Create a team; the app opens it so members can be added straight away.
    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name: 'Teams', exact: true })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Teams', exact: true }).waitFor();
    await page.getByRole('row', { name: 'General' }).getByText('Default').waitFor();
    await page.getByRole('button', { name: 'New team', exact: true }).click();
    const createTeam = page.getByRole('dialog', { name: 'New team' });
    await createTeam.getByLabel('Name', { exact: true }).fill(teamName);
    await createTeam.getByLabel('Assignment mode', { exact: true }).selectOption({ label: 'Round robin' });
    await createTeam.getByRole('button', { name: 'Create team', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: teamName, exact: true }).waitFor();
    await page.getByText('This team has no members yet.').waitFor();

    // Add the user as a member.
    await page.getByLabel('User', { exact: true }).selectOption({ label: `${person.name} (${person.email})` });
    await page.getByRole('button', { name: 'Add member', exact: true }).click();
    const memberRow = page.getByRole('row', { name: person.name });
    await memberRow.waitFor();
    expect(await memberRow.getByRole('cell').first().textContent()).toBe(person.email);
    await screenshot(page, 'team-members');

    // It is stored: after a reload the member is still listed, and the team list counts them.
    await page.reload();
    await page.getByRole('row', { name: person.name }).waitFor();
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    const teamRow = page.getByRole('row', { name: teamName });
    await teamRow.waitFor();
    await expectText(teamRow.getByRole('cell').nth(1), '1');
    expect(await teamRow.getByRole('cell').first().textContent()).toBe('Round robin');

    // Remove the member, then delete the team.
    await teamRow.getByRole('link', { name: teamName }).click();
    await page.getByRole('button', { name: `Remove ${person.name}`, exact: true }).click();
    await page.getByText('This team has no members yet.').waitFor();
    await page.getByRole('button', { name: 'Delete team', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Delete ${teamName}?` });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Teams', exact: true }).waitFor();
    await expectGone(page.getByRole('row', { name: teamName }));

    // The default team cannot be deleted: it has no delete button, only the reason.
    await page.getByRole('link', { name: 'General', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /General/ }).waitFor();
    await page.getByText('so it cannot be deleted').waitFor();
    expect(await page.getByRole('button', { name: 'Delete team' }).count()).toBe(0);
  });
});
