import { describe, expect, it } from "vitest";
import {
  createRegistry,
  defineScheme,
  getDefaultRegistry,
  isLeadforgeError,
  isScheme,
  SCHEME_PROTOCOL_VERSION,
} from "../src/index.js";
import { toyScheme } from "./fixtures/toy-scheme.js";

describe("scheme registry", () => {
  it("registers, gets and lists schemes", () => {
    const reg = createRegistry();
    reg.register(toyScheme);
    expect(reg.get("toy")).toBe(toyScheme);
    expect(reg.list().map((s) => s.name)).toEqual(["toy"]);
    expect(reg.has("toy")).toBe(true);
  });

  it("is idempotent for the same object", () => {
    const reg = createRegistry();
    reg.register(toyScheme);
    expect(() => reg.register(toyScheme)).not.toThrow();
    expect(reg.list()).toHaveLength(1);
  });

  it("refuses a different object under a taken name", () => {
    const reg = createRegistry();
    reg.register(toyScheme);
    const impostor = defineScheme({ ...toyScheme, validators: [] });
    expect(() => reg.register(impostor)).toThrow(/different generation scheme named 'toy'/);
    try {
      reg.register(impostor);
    } catch (e) {
      expect(isLeadforgeError(e) && e.code).toBe("SCHEME_CONFLICT");
    }
  });

  it("names installed schemes and the install command for an unknown one", () => {
    const reg = createRegistry();
    reg.register(toyScheme);
    expect(() => reg.get("lifecycle")).toThrow(
      /Unknown generation scheme 'lifecycle'\. Registered schemes: \['toy'\]\. .*pnpm add @leadforge\/scheme-lifecycle/,
    );
  });

  it("rejects objects that are not branded schemes and protocol mismatches", () => {
    const reg = createRegistry();
    expect(() => reg.register({ name: "x" } as never)).toThrow(/defineScheme/);
    const old = { ...toyScheme, protocolVersion: SCHEME_PROTOCOL_VERSION + 1 };
    expect(isScheme(old)).toBe(true);
    expect(() => reg.register(old)).toThrow(/protocol/);
  });

  it("keeps the default registry on globalThis so copies of core share it", () => {
    const a = getDefaultRegistry();
    const b = (globalThis as Record<symbol, unknown>)[Symbol.for("leadforge.registry")];
    expect(a).toBe(b);
    expect(getDefaultRegistry()).toBe(a);
  });

  it("brands schemes with a global symbol", () => {
    expect(isScheme(toyScheme)).toBe(true);
    expect((toyScheme as unknown as Record<symbol, unknown>)[Symbol.for("leadforge.scheme")]).toBe(
      true,
    );
    expect(isScheme({ ...toyScheme, [Symbol.for("leadforge.scheme")]: false })).toBe(false);
    expect(() => defineScheme({ ...toyScheme, name: "Bad-Name" })).toThrow(/snake_case/);
  });
});
