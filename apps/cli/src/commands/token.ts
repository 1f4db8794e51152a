import { configOrExit, mintToken, ROLES } from '@concord/platform';
import { parseArgs } from 'node:util';

export async function tokenCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sub: { type: 'string' },
      role: { type: 'string', multiple: true, default: [] },
      org: { type: 'string' },
      country: { type: 'string', multiple: true, default: [] },
      jp: { type: 'string', multiple: true, default: [] },
      expires: { type: 'string', default: '12h' },
    },
  });
  if (!values.sub) throw new Error('token: --sub is required (the user id the token names)');
  const unknown = values.role.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new Error(`token: unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const token = await mintToken(
    {
      sub: values.sub,
      roles: values.role,
      org: values.org,
      countries: values.country,
      jointProgrammes: values.jp,
      expiresIn: values.expires,
    },
    configOrExit().auth,
  );
  process.stdout.write(`${token}\n`);
  return 0;
}
