/**
 * The VXG cloud token read from an Axis camera's VXGCloudAgent parameters, held so it cannot print itself:
 * JSON.stringify, template strings and loggers see "[cloud token on camera]". Only the token writer (later)
 * calls reveal(), to compare a read-back with what it wrote. Like shared/access-token.ts's AccessToken.
 */
export class CameraCloudToken {
  readonly #raw: string;
  constructor(raw: string) {
    this.#raw = raw;
  }
  /** The token exactly as the camera holds it. A secret: never log or display the result. */
  reveal(): string {
    return this.#raw;
  }
  get length(): number {
    return this.#raw.length;
  }
  toJSON(): string {
    return '[cloud token on camera]';
  }
  toString(): string {
    return '[cloud token on camera]';
  }
}
