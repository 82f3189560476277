// Generates the Java message models from spec/asyncapi.yaml.
//
// The AsyncAPI document is parsed (and so validated) by the official parser; the build fails
// with the parser's diagnostics when it is invalid. The direction of each operation decides
// which union a message joins: what a server receives (and the replies it gets back) makes
// ClientMessage, what a server sends (and its replies) makes ServerMessage. Modelina renders
// each message as a Java record; a preset gives the records Jackson annotations and turns the
// `type` const into a constant instead of a one-value enum.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import { JavaGenerator, JAVA_JACKSON_PRESET, ConstrainedDictionaryModel, javaDefaultEnumKeyConstraints } from '@asyncapi/modelina';

const [specFile, outDir, packageName] = process.argv.slice(2);
if (!specFile || !outDir || !packageName) {
  console.error('usage: node generate-models.mjs <asyncapi.yaml> <output dir> <java package>');
  process.exit(2);
}

const { document, diagnostics } = await fromFile(new Parser(), specFile).parse();
const ERROR = 0;
const errors = diagnostics.filter((d) => d.severity === ERROR);
if (!document || errors.length) {
  console.error(`${specFile} is not a valid AsyncAPI document:`);
  for (const d of errors) console.error(`  ${d.path.join('/')}: ${d.message} (${d.code})`);
  process.exit(1);
}

const unions = { ClientMessage: new Map(), ServerMessage: new Map() };
for (const operation of document.operations()) {
  const received = operation.action() === 'receive';
  const add = (union, messages) => messages.forEach((m) => unions[union].set(m.id(), m.payload().json()));
  add(received ? 'ClientMessage' : 'ServerMessage', operation.messages());
  const reply = operation.reply();
  if (reply) add(received ? 'ServerMessage' : 'ClientMessage', reply.messages());
}

const isExtraFields = (p) => p.property instanceof ConstrainedDictionaryModel && p.property.serializationType === 'unwrap';
const constOf = (p) => p.property.options.const?.originalInput;

// The schema files as written, by the title of every object schema in them. The parser resolves a
// `$ref` and so loses a description written beside it (chat.json's `ts` says what the timestamp is
// on a chat; defs.json's only that it is a timestamp): the Javadoc takes the one as written.
const schemasDir = path.join(path.dirname(specFile), 'schemas');
const schemaFiles = Object.fromEntries((await readdir(schemasDir)).filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(path.join(schemasDir, f), 'utf8'))]));
const byTitle = new Map();
const indexTitles = (node, file) => {
  if (Array.isArray(node)) node.forEach((n) => indexTitles(n, file));
  else if (node && typeof node === 'object') {
    if (typeof node.title === 'string' && node.properties) byTitle.set(node.title, { node, file });
    Object.values(node).forEach((n) => indexTitles(n, file));
  }
};
Object.entries(schemaFiles).forEach(([file, json]) => indexTitles(json, file));
const resolveRef = (ref, file) => {
  const [target, pointer = ''] = ref.split('#');
  const doc = schemaFiles[target || file];
  return pointer.split('/').filter(Boolean).reduce((n, k) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
};
const descriptionOf = (node, file) => node?.description ?? (node?.$ref ? resolveRef(node.$ref, file)?.description : undefined);
const propertyDescription = (model, p) => {
  const schema = byTitle.get(model.name);
  return descriptionOf(schema?.node.properties?.[p.unconstrainedPropertyName], schema?.file)
    ?? p.property.originalInput?.description;
};

// Schema text to Javadoc: HTML's special characters escaped (doclint refuses a bare "->"),
// `code` as <code>, and nothing that could open or close a tag or the comment.
const html = (text) => text
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/@/g, '&#64;').replace(/\*\//g, '*&#47;').replace(/\{/g, '&#123;').replace(/\}/g, '&#125;')
  .replace(/`([^`]+)`/g, '<code>$1</code>')
  .trim();
/** Javadoc written here, not taken from a schema: passed through as it is. */
const raw = (text) => ({ raw: text });
/** A Javadoc comment: paragraphs of schema text (escaped) or raw(...), then block tags (already Javadoc). */
const javadoc = (indent, paragraphs, tags = []) => {
  const body = paragraphs.filter(Boolean)
    .map((t, i) => (i ? '<p>' : '') + (t.raw ?? html(t)).replace(/\s*\n\s*/g, ' '));
  const lines = [...body, ...(tags.length && body.length ? [''] : []), ...tags];
  if (!lines.length) return '';
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
};
const tagText = (text, fallback) => (text ? html(text).replace(/\s*\n\s*/g, ' ') : fallback);
const BOXES = { boolean: 'Boolean', int: 'Integer', long: 'Long', double: 'Double', float: 'Float' };
/** A member's type as the builder holds it: boxed, so that a required member not yet set is null. */
const boxed = (type) => BOXES[type] ?? type;
const isPrimitive = (type) => type in BOXES;
const capitalised = (name) => name.charAt(0).toUpperCase() + name.slice(1);

// A record with at most this many required members gets a static factory of(...) taking them;
// past it, positional arguments stop reading well and the builder is the way to make one.
const MAX_FACTORY_ARGUMENTS = 4;

const RECORDS = {
  record: {
    self({ renderer, model }) {
      renderer.dependencyManager.addDependency('import com.fasterxml.jackson.annotation.*;');
      renderer.dependencyManager.addDependency('import java.util.Objects;');
      const name = model.name;
      const properties = Object.values(model.properties).filter((p) => !isExtraFields(p));
      const members = properties.filter((p) => constOf(p) === undefined).map((p) => ({
        name: p.propertyName,
        json: p.unconstrainedPropertyName,
        type: p.property.type,
        required: Boolean(p.required),
        description: propertyDescription(model, p)
      }));
      const required = members.filter((m) => m.required);
      const optional = members.filter((m) => !m.required);
      const what = (m) => `{@code ${m.json}}`;

      const fields = members.map((m) => {
        const annotations = [`@JsonProperty("${m.json}")`];
        if (!m.required) annotations.push('@JsonInclude(JsonInclude.Include.NON_NULL)');
        return `  ${annotations.join(' ')} ${m.type} ${m.name}`;
      });
      const constants = properties.filter((p) => constOf(p) !== undefined).map((p) => {
        const constant = p.propertyName.toUpperCase();
        return `  /** The value of {@code ${p.unconstrainedPropertyName}} on every message of this kind. */
  public static final String ${constant} = "${constOf(p)}";

  /**
   * The message's {@code ${p.unconstrainedPropertyName}}, always {@link #${constant}}.
   *
   * @return {@value #${constant}}
   */
  @Override
  @JsonProperty("${p.unconstrainedPropertyName}")
  public String ${p.propertyName}() {
    return ${constant};
  }`;
      });

      // Explicit accessors, so that each carries its member's description (an implicit one says
      // only "Returns the value of the ... record component"); the same Jackson annotations.
      const accessors = members.map((m) => `${javadoc('  ', [m.description], [
        `@return the ${what(m)} member${m.required ? '' : ', null when absent'}`
      ])}  @JsonProperty("${m.json}")${m.required ? '' : ' @JsonInclude(JsonInclude.Include.NON_NULL)'}
  public ${m.type} ${m.name}() {
    return ${m.name};
  }`);
      const methods = [...accessors];
      const all = members.map((m) => m.name).join(', ');
      if (required.length <= MAX_FACTORY_ARGUMENTS) {
        const args = members.map((m) => (m.required && isPrimitive(m.type) ? m.name : m.required ? `Objects.requireNonNull(${m.name}, "${m.json} is required")` : 'null'));
        methods.push(`${javadoc('  ', [raw(
          `A ${name} with its required members${optional.length ? `; ${optional.map(what).join(', ')} absent until set with ${optional.map((m) => `{@link #with${capitalised(m.name)}}`).join(', ')}` : ''}.`)
        ], [
          ...required.map((m) => `@param ${m.name} ${tagText(m.description, `the ${what(m)} member`)}`),
          `@return a new ${name}`,
          ...(required.some((m) => !isPrimitive(m.type)) ? ['@throws NullPointerException if a required member is null'] : [])
        ])}  public static ${name} of(${required.map((m) => `${m.type} ${m.name}`).join(', ')}) {
    return new ${name}(${args.join(', ')});
  }`);
      }
      for (const m of optional) {
        const args = members.map((o) => o.name).join(', ');
        methods.push(`${javadoc('  ', [raw(`A copy of this ${name} with ${what(m)} set, or absent when null.`)], [
          `@param ${m.name} ${tagText(m.description, `the ${what(m)} member`)}`,
          `@return a new ${name}`
        ])}  public ${name} with${capitalised(m.name)}(${m.type} ${m.name}) {
    return new ${name}(${args});
  }`);
      }
      methods.push(`  /**
   * A builder with nothing set: {@link Builder#build()} refuses it until every required member is.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this ${name}'s members, to make a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()${members.map((m) => `.${m.name}(${m.name})`).join('')};
  }`);
      const setters = members.map((m) => `${javadoc('    ', [m.description], [
        `@param ${m.name} ${m.required ? 'required' : 'optional, null for absent'}`,
        '@return this builder'
      ])}    public Builder ${m.name}(${boxed(m.type)} ${m.name}) {
      this.${m.name} = ${m.name};
      return this;
    }`);
      methods.push(`  /** Builds a {@link ${name}}: the required members set by name, the optional ones when wanted. */
  public static final class Builder {
${members.map((m) => `    private ${boxed(m.type)} ${m.name};`).join('\n')}${members.length ? '\n' : ''}
    private Builder() {}

${setters.join('\n\n')}${setters.length ? '\n\n' : ''}    /**
     * The ${name}.
     *
     * @return a new ${name}
     * @throws IllegalStateException naming the first required member that is not set
     */
    public ${name} build() {
${required.map((m) => `      if (${m.name} == null) {
        throw new IllegalStateException("${name}: the required member \\"${m.json}\\" is not set");
      }`).join('\n')}${required.length ? '\n' : ''}      return new ${name}(${all});
    }
  }`);

      const parents = (model.options.parents ?? []).map((u) => u.name);
      const implementsClause = parents.length ? ` implements ${parents.join(', ')}` : '';
      const order = constants.length ? '@JsonPropertyOrder({"type"})\n' : '';
      const recordDoc = javadoc('', [
        byTitle.get(name)?.node.description ?? model.originalInput?.description,
        raw(required.length > MAX_FACTORY_ARGUMENTS
          ? `Make one with {@link #builder()}; the canonical constructor takes every member in order, null for an absent one.`
          : `Make one with {@link #of}${optional.length ? ' and the <code>with</code> methods' : ''} or {@link #builder()}; the canonical constructor takes every member in order, null for an absent one.`)
      ], members.map((m) => `@param ${m.name} ${tagText(m.description, `the ${what(m)} member`)}${m.required ? '' : ' (optional: null when absent)'}`));
      return `${recordDoc}@JsonIgnoreProperties(ignoreUnknown = true)
${order}public record ${name}(
${fields.join(',\n')}
)${implementsClause} {
${[...constants, ...methods].join('\n\n')}
}`;
    }
  },
  union: {
    // The union is sealed: it permits exactly the records of its direction, so a switch over it
    // (Java 21) is checked for exhaustiveness. A minor version of the models may add a message
    // (README.md, Depending on the models).
    self({ model, content }) {
      const members = model.union.map((m) => m.type);
      const annotations = content.slice(0, content.indexOf('/**'));
      const doc = javadoc('', [
        model.originalInput?.description,
        raw(`Sealed: it permits exactly ${members.map((m) => `{@link ${m}}`).join(', ')}, so a switch over it in Java 21 or later is checked for exhaustiveness. A minor version of the models may add a message type; a consumer that must keep compiling against a newer jar keeps a <code>default</code> branch.`)
      ]);
      return `${doc}${annotations.trimEnd()}
public sealed interface ${model.name} permits ${members.join(', ')} {
  /**
   * The message's {@code type} discriminator.
   *
   * @return the value of its {@code type} member
   */
  String type();
}`;
    }
  },
  enum: {
    self({ model, content }) {
      const doc = javadoc('', [model.originalInput?.description]);
      return `${doc}${content}`;
    }
  }
};

const generator = new JavaGenerator({
  modelType: 'record',
  presets: [JAVA_JACKSON_PRESET, RECORDS],
  typeMapping: {
    // Numbers are boxed even when required: a missing value has to stay visible as null, never
    // become 0 (a decoder that skips validation would otherwise invent a multiplier of 0).
    Integer: ({ constrainedModel }) => (constrainedModel.originalInput?.format === 'int64' ? 'Long' : 'Integer'),
    Float: () => 'Double'
  },
  constraints: {
    // "HMAC-SHA256" becomes HMAC_SHA256 rather than HMAC_MINUS_SHA256.
    enumKey: javaDefaultEnumKeyConstraints({ NO_SPECIAL_CHAR: (value) => value.replace(/[^A-Za-z0-9_]/g, '_') })
  }
});

const withoutParserIds = (value) => JSON.parse(JSON.stringify(value, (key, v) => (key.startsWith('x-parser-') ? undefined : v)));
// Modelina honours `discriminator` only on AsyncAPI payloads, so the two unions are handed to it
// as the payloads of a small AsyncAPI document of their own.
const unionDocument = {
  asyncapi: '3.0.0',
  info: { title: 'Longlink message unions', version: document.info().version() },
  components: {
    messages: Object.fromEntries(Object.entries(unions).map(([union, payloads]) => [union, {
      payload: {
        title: union,
        description: `Every message a ${union === 'ClientMessage' ? 'client' : 'server'} sends, told apart by its type.`,
        discriminator: 'type',
        oneOf: [...payloads.values()].map(withoutParserIds)
      }
    }]))
  }
};

const models = await generator.generateCompleteModels(unionDocument, { packageName });
const typeEnums = new Set();
for (const m of models) {
  for (const p of Object.values(m.model.properties ?? {})) if (constOf(p) !== undefined) typeEnums.add(p.property.name);
}
const packageDir = path.join(outDir, ...packageName.split('.'));
await rm(packageDir, { recursive: true, force: true });
await mkdir(packageDir, { recursive: true });
let count = 0;
for (const m of models) {
  if (typeEnums.has(m.modelName)) continue;
  const source = m.result
    .split('\n')
    .filter((line) => ![...typeEnums].some((e) => line === `import ${packageName}.${e};`))
    .join('\n');
  await writeFile(path.join(packageDir, `${m.modelName}.java`), `${source}\n`);
  count++;
}
console.log(`longlink: generated ${count} Java models in ${packageDir}`);
