import { describe, expect, it } from 'vitest';
import {
  attribute,
  child,
  children,
  firstElementName,
  MAX_ATTRIBUTES,
  MAX_DEPTH,
  MAX_TAGS,
  parseXml,
  text,
} from '../../../../../../electron/core/discovery/wsd/xml-tree.js';

const nested = (depth: number) => '<a>'.repeat(depth) + 'deep' + '</a>'.repeat(depth);

describe('xml-tree over untrusted XML', () => {
  it('strips namespace prefixes, matching local names whatever prefix and case a device used', () => {
    const tree = parseXml(
      '<s:Envelope xmlns:s="x"><s:Body><wsdd:ProbeMatches xmlns:wsdd="y"><wsdd:PROBEMATCH>1</wsdd:PROBEMATCH></wsdd:ProbeMatches></s:Body></s:Envelope>',
    );
    expect(firstElementName(child(tree, 'envelope', 'BODY'))).toBe('ProbeMatches');
    expect(text(child(tree, 'Envelope', 'Body', 'ProbeMatches', 'ProbeMatch'))).toBe('1');
  });

  it('reads attributes by local name and decodes the five XML entities and character references', () => {
    const tree = parseXml(
      '<d:AppSequence xmlns:d="y" d:InstanceId=" 17 " SequenceId="a&amp;b">x &lt;b&gt; &#65;&#x42; &nbsp;</d:AppSequence>',
    );
    const node = child(tree, 'AppSequence');
    expect(attribute(node, 'instanceid')).toBe('17');
    expect(attribute(node, 'SequenceId')).toBe('a&b');
    expect(attribute(node, 'missing')).toBeNull();
    expect(text(node)).toBe('x <b> AB &nbsp;'); // unknown entities stay as written; nothing is fetched or expanded
  });

  it('returns every repeated child and no text for an element without any', () => {
    const tree = parseXml('<m><p>1</p><p>2</p><p/><q a="1"/></m>');
    expect(children(child(tree, 'm'), 'p').map(text)).toEqual(['1', '2', '']);
    expect(text(child(tree, 'm', 'q'))).toBe('');
  });

  it('accepts nesting up to 32 deep and refuses deeper, without throwing', () => {
    expect(MAX_DEPTH).toBe(32);
    expect(text(child(parseXml(nested(32)), ...Array<string>(32).fill('a')))).toBe('deep');
    expect(parseXml(nested(33))).toBeNull();
    expect(parseXml(nested(10_000))).toBeNull();
  });

  it('refuses 64 KiB of tiny elements or attributes unparsed (they cost the parser ~100 ms a packet)', () => {
    expect(parseXml(`<a>${'<x/>'.repeat(MAX_TAGS / 2)}</a>`)).not.toBeNull();
    expect(parseXml(`<a>${'<x/>'.repeat(16_000)}</a>`)).toBeNull();
    expect(parseXml(`<a ${Array.from({ length: MAX_ATTRIBUTES + 1 }, (_, i) => `a${i}=""`).join(' ')}/>`)).toBeNull();
  });

  it('refuses DTDs and entity declarations (billion laughs, XXE)', () => {
    expect(parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toBeNull();
    expect(parseXml('<x><!ENTITY e SYSTEM "file:///etc/passwd"></x>')).toBeNull();
  });

  it('refuses elements named like Object internals instead of building them into the tree', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      expect(parseXml(`<a><${name}><polluted>yes</polluted></${name}></a>`)).toBeNull();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("looks up only a node's own keys, even when a tree holds prototype-named keys", () => {
    // The parser refuses these names today; the helpers must not depend on that.
    const tree: unknown = JSON.parse('{"Body":{"__proto__":{"Hello":"x"},"constructor":"c","#text":"t"}}');
    const body = child(tree, 'Body');
    expect(child(tree, 'Body', 'toString')).toBeUndefined();
    expect(child(tree, 'hasOwnProperty')).toBeUndefined();
    expect(text(child(body, 'constructor'))).toBe('c');
    expect(children(body, '__proto__')).toEqual([{ Hello: 'x' }]);
    expect(text({})).toBe('');
    expect(attribute({}, 'constructor')).toBeNull();
    expect(({} as Record<string, unknown>).Hello).toBeUndefined();
  });

  it('tolerates any shape: null, arrays, numbers and unparsable text', () => {
    for (const node of [null, undefined, 7, [], [1, 2], 'text']) {
      expect(children(node, 'a')).toEqual([]);
      expect(child(node, 'a')).toBeUndefined();
      expect(attribute(node, 'a')).toBeNull();
    }
    expect(parseXml('<a')).toBeNull();
  });
});
