/**
 * UTF-8 byte length without encoding, counted over code points: DynamoDB sizes strings and attribute names in
 * UTF-8 bytes, while JS `.length` counts UTF-16 units (an emoji is 2 units but 4 bytes).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      // A surrogate pair is one astral code point: 4 bytes for both units.
      bytes += 4;
      index++;
    } else {
      // Other BMP code points take 3 bytes; so does a lone surrogate, which encoders replace with U+FFFD.
      bytes += 3;
    }
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
