/**
 * Reads a message body sent by the bot (reply, edit, follow-up, channel post) and enforces the limits
 * real Discord enforces, answering 50035 "Invalid Form Body" with the offending field path.
 * This is where an e2e test catches a renderer that emits 2 001 characters or a 26th field.
 * Lengths are counted in code points, as Discord's API does for `str` fields.
 */
import { AllowedMentionsTypes, ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type {
  APIActionRowComponent,
  APIAllowedMentions,
  APIButtonComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIEmbedField,
  APIMessageComponentEmoji,
  APISelectMenuOption,
  APIStringSelectComponent,
} from 'discord.js';
import { FormErrors } from './discord-api-error.ts';

export const MAX_CONTENT_LENGTH = 2_000;
export const MAX_EMBEDS = 10;
export const MAX_EMBED_TOTAL = 6_000;
export const MAX_EMBED_TITLE = 256;
export const MAX_EMBED_DESCRIPTION = 4_096;
export const MAX_EMBED_FIELDS = 25;
export const MAX_FIELD_NAME = 256;
export const MAX_FIELD_VALUE = 1_024;
export const MAX_FOOTER_TEXT = 2_048;
export const MAX_AUTHOR_NAME = 256;
export const MAX_ACTION_ROWS = 5;
export const MAX_ROW_BUTTONS = 5;
export const MAX_CUSTOM_ID = 100;
export const MAX_BUTTON_LABEL = 80;
export const MAX_SELECT_OPTIONS = 25;
export const MAX_SELECT_TEXT = 100;
export const MAX_PLACEHOLDER = 150;
export const MAX_ALLOWED_MENTION_IDS = 100;

/** Flags a bot may set on a message it sends; Discord ignores the rest. */
const SETTABLE_FLAGS =
  MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

export type MessageActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/**
 * The fields present in a body. A field left out stays `undefined` so an edit keeps the old value;
 * `null` in an edit clears it (empty string or empty list here).
 */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: MessageActionRow[];
  flags?: number;
  allowed_mentions?: APIAllowedMentions;
  /** Ids listed in `attachments`: on an edit, the existing attachments to keep. */
  keptAttachmentIds?: string[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function discordLength(text: string): number {
  return [...text].length;
}

type Path = ReadonlyArray<string | number>;

class FieldReader {
  constructor(readonly errors: FormErrors) {}

  string(value: unknown, path: Path, limits: { min?: number; max: number; required?: boolean }): string | undefined {
    if (value === undefined || value === null) {
      if (limits.required === true) this.errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.errors.add(path, 'STRING_TYPE_CONVERT', `Could not interpret "${String(value)}" as string.`);
      return undefined;
    }
    const length = discordLength(value);
    const min = limits.min ?? 0;
    if (length > limits.max || length < min) {
      if (min > 0) {
        this.errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${limits.max} in length.`);
      } else {
        this.errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${limits.max} or fewer in length.`);
      }
    }
    return value;
  }

  integer(value: unknown, path: Path, range: { min: number; max: number }): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.errors.add(path, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
      return undefined;
    }
    if (value < range.min || value > range.max) {
      this.errors.add(path, 'NUMBER_TYPE_MAX', `int value should be between ${range.min} and ${range.max}.`);
    }
    return value;
  }

  boolean(value: unknown, path: Path): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.errors.add(path, 'BOOLEAN_TYPE_CONVERT', `Could not interpret "${String(value)}" as boolean.`);
      return undefined;
    }
    return value;
  }

  record(value: unknown, path: Path): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) {
      this.errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return undefined;
    }
    return value;
  }

  list(value: unknown, path: Path, limits: { max: number; min?: number }): unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.errors.add(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
      return undefined;
    }
    const min = limits.min ?? 0;
    if (value.length > limits.max || value.length < min) {
      this.errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${limits.max} in length.`);
    }
    return value;
  }

  stringList(value: unknown, path: Path, max: number): string[] | undefined {
    const list = this.list(value, path, { max });
    if (list === undefined) return undefined;
    const strings: string[] = [];
    list.forEach((item, index) => {
      if (typeof item === 'string') strings.push(item);
      else this.errors.add([...path, index], 'STRING_TYPE_CONVERT', `Could not interpret "${String(item)}" as string.`);
    });
    return strings;
  }
}

/**
 * Reads and validates a message body; throws `DiscordApiError` 50035 listing every broken limit.
 * `path` prefixes error paths, e.g. `['data']` for an interaction callback.
 *
 * @example const payload = parseMessagePayload(body, ['data']);
 */
export function parseMessagePayload(body: unknown, path: Path = []): MessagePayload {
  const errors = new FormErrors();
  const read = new FieldReader(errors);
  const payload: MessagePayload = {};
  if (body === undefined || body === null) return payload;
  if (!isRecord(body)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    errors.throwIfAny();
    return payload;
  }

  if ('content' in body) {
    payload.content = read.string(body['content'], [...path, 'content'], { max: MAX_CONTENT_LENGTH }) ?? '';
  }
  if ('embeds' in body) payload.embeds = readEmbeds(read, body['embeds'], [...path, 'embeds']);
  if ('flags' in body) {
    const flags = read.integer(body['flags'], [...path, 'flags'], { min: 0, max: Number.MAX_SAFE_INTEGER }) ?? 0;
    if ((flags & MessageFlags.IsComponentsV2) !== 0) {
      errors.add([...path, 'flags'], 'NOT_MODELLED', 'Components V2 messages are not modelled by the test server.');
    }
    payload.flags = flags & SETTABLE_FLAGS;
  }
  if ('components' in body) payload.components = readComponents(read, body['components'], [...path, 'components']);
  if ('allowed_mentions' in body) {
    const mentions = readAllowedMentions(read, body['allowed_mentions'], [...path, 'allowed_mentions']);
    if (mentions !== undefined) payload.allowed_mentions = mentions;
  }
  if ('attachments' in body) {
    const attachments = read.list(body['attachments'], [...path, 'attachments'], { max: 10 }) ?? [];
    payload.keptAttachmentIds = attachments.flatMap((attachment) => {
      if (!isRecord(attachment)) return [];
      const id = attachment['id'];
      return typeof id === 'string' || typeof id === 'number' ? [String(id)] : [];
    });
  }
  errors.throwIfAny();
  return payload;
}

function readEmbeds(read: FieldReader, value: unknown, path: Path): APIEmbed[] {
  const list = read.list(value, path, { max: MAX_EMBEDS }) ?? [];
  let total = 0;
  const embeds: APIEmbed[] = [];
  list.forEach((item, index) => {
    const embedPath = [...path, index];
    const raw = read.record(item, embedPath);
    if (raw === undefined) return;
    const embed: APIEmbed = {};
    const title = read.string(raw['title'], [...embedPath, 'title'], { max: MAX_EMBED_TITLE });
    if (title !== undefined) embed.title = title;
    const description = read.string(raw['description'], [...embedPath, 'description'], { max: MAX_EMBED_DESCRIPTION });
    if (description !== undefined) embed.description = description;
    const url = read.string(raw['url'], [...embedPath, 'url'], { max: 2_048 });
    if (url !== undefined) embed.url = url;
    const timestamp = read.string(raw['timestamp'], [...embedPath, 'timestamp'], { max: 64 });
    if (timestamp !== undefined) embed.timestamp = timestamp;
    const color = read.integer(raw['color'], [...embedPath, 'color'], { min: 0, max: 0xff_ff_ff });
    if (color !== undefined) embed.color = color;

    const footer = read.record(raw['footer'], [...embedPath, 'footer']);
    if (footer !== undefined) {
      const text = read.string(footer['text'], [...embedPath, 'footer', 'text'], { max: MAX_FOOTER_TEXT, required: true }) ?? '';
      const iconUrl = read.string(footer['icon_url'], [...embedPath, 'footer', 'icon_url'], { max: 2_048 });
      embed.footer = iconUrl === undefined ? { text } : { text, icon_url: iconUrl };
      total += discordLength(text);
    }
    const author = read.record(raw['author'], [...embedPath, 'author']);
    if (author !== undefined) {
      const name = read.string(author['name'], [...embedPath, 'author', 'name'], { max: MAX_AUTHOR_NAME, required: true }) ?? '';
      embed.author = { name };
      const authorUrl = read.string(author['url'], [...embedPath, 'author', 'url'], { max: 2_048 });
      if (authorUrl !== undefined) embed.author.url = authorUrl;
      const iconUrl = read.string(author['icon_url'], [...embedPath, 'author', 'icon_url'], { max: 2_048 });
      if (iconUrl !== undefined) embed.author.icon_url = iconUrl;
      total += discordLength(name);
    }
    for (const key of ['image', 'thumbnail'] as const) {
      const media = read.record(raw[key], [...embedPath, key]);
      if (media === undefined) continue;
      const mediaUrl = read.string(media['url'], [...embedPath, key, 'url'], { max: 2_048, required: true });
      if (mediaUrl !== undefined) embed[key] = { url: mediaUrl };
    }

    const fields = read.list(raw['fields'], [...embedPath, 'fields'], { max: MAX_EMBED_FIELDS });
    if (fields !== undefined) {
      embed.fields = fields.flatMap((fieldValue, fieldIndex): APIEmbedField[] => {
        const fieldPath = [...embedPath, 'fields', fieldIndex];
        const field = read.record(fieldValue, fieldPath);
        if (field === undefined) return [];
        const name = read.string(field['name'], [...fieldPath, 'name'], { min: 1, max: MAX_FIELD_NAME, required: true }) ?? '';
        const fieldText = read.string(field['value'], [...fieldPath, 'value'], { min: 1, max: MAX_FIELD_VALUE, required: true }) ?? '';
        const inline = read.boolean(field['inline'], [...fieldPath, 'inline']);
        total += discordLength(name) + discordLength(fieldText);
        return [inline === undefined ? { name, value: fieldText } : { name, value: fieldText, inline }];
      });
    }
    total += discordLength(title ?? '') + discordLength(description ?? '');
    embeds.push(embed);
  });
  if (total > MAX_EMBED_TOTAL) {
    read.errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${MAX_EMBED_TOTAL}`);
  }
  return embeds;
}

function readEmoji(read: FieldReader, value: unknown, path: Path): APIMessageComponentEmoji | undefined {
  const raw = read.record(value, path);
  if (raw === undefined) return undefined;
  const emoji: APIMessageComponentEmoji = {};
  const id = read.string(raw['id'], [...path, 'id'], { max: 20 });
  if (id !== undefined) emoji.id = id;
  const name = read.string(raw['name'], [...path, 'name'], { max: 32 });
  if (name !== undefined) emoji.name = name;
  const animated = read.boolean(raw['animated'], [...path, 'animated']);
  if (animated !== undefined) emoji.animated = animated;
  return emoji;
}

function readButton(
  read: FieldReader,
  raw: Record<string, unknown>,
  path: Path,
  customIds: Set<string>,
): APIButtonComponent | undefined {
  const label = read.string(raw['label'], [...path, 'label'], { max: MAX_BUTTON_LABEL });
  const emoji = readEmoji(read, raw['emoji'], [...path, 'emoji']);
  const disabled = read.boolean(raw['disabled'], [...path, 'disabled']);
  const style = read.integer(raw['style'], [...path, 'style'], { min: 1, max: 6 });
  if (label === undefined && emoji === undefined && style !== ButtonStyle.Premium) {
    read.errors.add(path, 'BUTTON_COMPONENT_INVALID_LABEL', 'A label or an emoji is required.');
  }
  const looks = {
    ...(label === undefined ? {} : { label }),
    ...(emoji === undefined ? {} : { emoji }),
    ...(disabled === undefined ? {} : { disabled }),
  };
  switch (style) {
    case ButtonStyle.Primary:
    case ButtonStyle.Secondary:
    case ButtonStyle.Success:
    case ButtonStyle.Danger: {
      const customId = readCustomId(read, raw['custom_id'], [...path, 'custom_id'], customIds);
      return { type: ComponentType.Button, style, custom_id: customId, ...looks };
    }
    case ButtonStyle.Link: {
      const url = read.string(raw['url'], [...path, 'url'], { max: 512, required: true }) ?? '';
      if (raw['custom_id'] !== undefined) {
        read.errors.add(
          [...path, 'custom_id'],
          'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
          'Link buttons cannot have a custom_id.',
        );
      }
      return { type: ComponentType.Button, style, url, ...looks };
    }
    case ButtonStyle.Premium: {
      const skuId = read.string(raw['sku_id'], [...path, 'sku_id'], { max: 20, required: true }) ?? '';
      return { type: ComponentType.Button, style, sku_id: skuId, ...(disabled === undefined ? {} : { disabled }) };
    }
    default:
      read.errors.add([...path, 'style'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return undefined;
  }
}

function readCustomId(read: FieldReader, value: unknown, path: Path, customIds: Set<string>): string {
  const customId = read.string(value, path, { min: 1, max: MAX_CUSTOM_ID, required: true }) ?? '';
  if (customIds.has(customId)) {
    read.errors.add(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  }
  customIds.add(customId);
  return customId;
}

function readStringSelect(
  read: FieldReader,
  raw: Record<string, unknown>,
  path: Path,
  customIds: Set<string>,
): APIStringSelectComponent {
  const customId = readCustomId(read, raw['custom_id'], [...path, 'custom_id'], customIds);
  const options = (read.list(raw['options'], [...path, 'options'], { min: 1, max: MAX_SELECT_OPTIONS }) ?? []).flatMap(
    (optionValue, index): APISelectMenuOption[] => {
      const optionPath = [...path, 'options', index];
      const option = read.record(optionValue, optionPath);
      if (option === undefined) return [];
      const parsed: APISelectMenuOption = {
        label: read.string(option['label'], [...optionPath, 'label'], { min: 1, max: MAX_SELECT_TEXT, required: true }) ?? '',
        value: read.string(option['value'], [...optionPath, 'value'], { min: 1, max: MAX_SELECT_TEXT, required: true }) ?? '',
      };
      const description = read.string(option['description'], [...optionPath, 'description'], { max: MAX_SELECT_TEXT });
      if (description !== undefined) parsed.description = description;
      const isDefault = read.boolean(option['default'], [...optionPath, 'default']);
      if (isDefault !== undefined) parsed.default = isDefault;
      const emoji = readEmoji(read, option['emoji'], [...optionPath, 'emoji']);
      if (emoji !== undefined) parsed.emoji = emoji;
      return [parsed];
    },
  );
  const select: APIStringSelectComponent = { type: ComponentType.StringSelect, custom_id: customId, options };
  const placeholder = read.string(raw['placeholder'], [...path, 'placeholder'], { max: MAX_PLACEHOLDER });
  if (placeholder !== undefined) select.placeholder = placeholder;
  const minValues = read.integer(raw['min_values'], [...path, 'min_values'], { min: 0, max: MAX_SELECT_OPTIONS });
  if (minValues !== undefined) select.min_values = minValues;
  const maxValues = read.integer(raw['max_values'], [...path, 'max_values'], { min: 1, max: MAX_SELECT_OPTIONS });
  if (maxValues !== undefined) select.max_values = maxValues;
  const disabled = read.boolean(raw['disabled'], [...path, 'disabled']);
  if (disabled !== undefined) select.disabled = disabled;
  return select;
}

function readComponents(read: FieldReader, value: unknown, path: Path): MessageActionRow[] {
  const rows = read.list(value, path, { max: MAX_ACTION_ROWS }) ?? [];
  const customIds = new Set<string>();
  return rows.flatMap((rowValue, rowIndex): MessageActionRow[] => {
    const rowPath = [...path, rowIndex];
    const row = read.record(rowValue, rowPath);
    if (row === undefined) return [];
    if (row['type'] !== ComponentType.ActionRow) {
      read.errors.add([...rowPath, 'type'], 'NOT_MODELLED', 'Only action rows are modelled by the test server.');
      return [];
    }
    const children = read.list(row['components'], [...rowPath, 'components'], { min: 1, max: MAX_ROW_BUTTONS }) ?? [];
    const components = children.flatMap((childValue, childIndex): APIComponentInMessageActionRow[] => {
      const childPath = [...rowPath, 'components', childIndex];
      const child = read.record(childValue, childPath);
      if (child === undefined) return [];
      if (child['type'] === ComponentType.Button) {
        const button = readButton(read, child, childPath, customIds);
        return button === undefined ? [] : [button];
      }
      if (child['type'] === ComponentType.StringSelect) {
        if (children.length > 1) {
          read.errors.add(
            [...rowPath, 'components'],
            'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
            'The specified component exceeds the maximum width',
          );
        }
        return [readStringSelect(read, child, childPath, customIds)];
      }
      read.errors.add([...childPath, 'type'], 'NOT_MODELLED', 'Only buttons and string selects are modelled by the test server.');
      return [];
    });
    return [{ type: ComponentType.ActionRow, components }];
  });
}

function toMentionType(value: string): AllowedMentionsTypes | undefined {
  return Object.values(AllowedMentionsTypes).find((type) => type === value);
}

function readAllowedMentions(read: FieldReader, value: unknown, path: Path): APIAllowedMentions | undefined {
  const raw = read.record(value, path);
  if (raw === undefined) return undefined;
  const mentions: APIAllowedMentions = {};
  const parse = read.stringList(raw['parse'], [...path, 'parse'], 3);
  if (parse !== undefined) {
    mentions.parse = parse.flatMap((name, index) => {
      const type = toMentionType(name);
      if (type !== undefined) return [type];
      read.errors.add([...path, 'parse', index], 'ENUM_TYPE_COERCE', `Value "${name}" is not a valid enum value.`);
      return [];
    });
  }
  const users = read.stringList(raw['users'], [...path, 'users'], MAX_ALLOWED_MENTION_IDS);
  if (users !== undefined) {
    mentions.users = users;
    if (parse?.includes('users') === true) {
      read.errors.add(
        [...path, 'users'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        'parse:["users"] and users: [ids...] are mutually exclusive.',
      );
    }
  }
  const roles = read.stringList(raw['roles'], [...path, 'roles'], MAX_ALLOWED_MENTION_IDS);
  if (roles !== undefined) {
    mentions.roles = roles;
    if (parse?.includes('roles') === true) {
      read.errors.add(
        [...path, 'roles'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        'parse:["roles"] and roles: [ids...] are mutually exclusive.',
      );
    }
  }
  const repliedUser = read.boolean(raw['replied_user'], [...path, 'replied_user']);
  if (repliedUser !== undefined) mentions.replied_user = repliedUser;
  return mentions;
}
