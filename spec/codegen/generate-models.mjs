// Generates the Java message models from spec/asyncapi.yaml.
//
// The AsyncAPI document is parsed (and so validated) by the official parser; the build fails
// with the parser's diagnostics when it is invalid. The direction of each operation decides
// which union a message joins: what a server receives (and the replies it gets back) makes
// ClientMessage, what a server sends (and its replies) makes ServerMessage. Modelina renders
// each message as a Java record; a preset gives the records Jackson annotations and turns the
// `type` const into a constant instead of a one-value enum.
import { mkdir, rm, writeFile } from 'node:fs/promises';
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
const javadoc = (text, indent = '') => (text ? `${indent}/** ${text.replace(/\*\//g, '*&#47;')} */\n` : '');

const RECORDS = {
  record: {
    self({ renderer, model }) {
      renderer.dependencyManager.addDependency('import com.fasterxml.jackson.annotation.*;');
      const properties = Object.values(model.properties).filter((p) => !isExtraFields(p));
      const fields = properties.filter((p) => constOf(p) === undefined).map((p) => {
        const annotations = [`@JsonProperty("${p.unconstrainedPropertyName}")`];
        if (!p.required) annotations.push('@JsonInclude(JsonInclude.Include.NON_NULL)');
        return `${javadoc(p.property.originalInput?.description, '  ')}  ${annotations.join(' ')} ${p.property.type} ${p.propertyName}`;
      });
      const constants = properties.filter((p) => constOf(p) !== undefined).map((p) => {
        const name = p.propertyName.toUpperCase();
        return `  /** The value of {@code ${p.unconstrainedPropertyName}} on every message of this kind. */
  public static final String ${name} = "${constOf(p)}";

  @Override
  @JsonProperty("${p.unconstrainedPropertyName}")
  public String ${p.propertyName}() {
    return ${name};
  }`;
      });
      const parents = (model.options.parents ?? []).map((u) => u.name);
      const implementsClause = parents.length ? ` implements ${parents.join(', ')}` : '';
      const body = constants.length ? `\n${constants.join('\n\n')}\n` : '';
      const order = constants.length ? '@JsonPropertyOrder({"type"})\n' : '';
      return `${javadoc(model.originalInput?.description)}@JsonIgnoreProperties(ignoreUnknown = true)
${order}public record ${model.name}(
${fields.join(',\n')}
)${implementsClause} {${body}}`;
    }
  },
  union: {
    additionalContent() {
      return '/** The message\'s {@code type} discriminator. */\nString type();';
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
