// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenSummary } from '../../../../../renderer/src/views/token-summary.js';

afterEach(cleanup);

describe('TokenSummary', () => {
  it("shows the channel's token as its decoded, non-secret fields", () => {
    render(
      <TokenSummary
        token={{
          kind: 'all',
          camid: 1001,
          cmngrid: 6001,
          access: 'all',
          api: { host: 'web.example.test', port: 80, tlsPort: 443 },
          cam: { host: 'cam.example.test', port: 8888, tlsPort: 8883 },
          uplink: null,
          length: 212,
        }}
      />,
    );
    expect(screen.getByTestId('token-summary').textContent).toBe(
      'all token · channel 1001 · camera manager 6001 · API web.example.test · camera link cam.example.test:8888',
    );
  });
});
