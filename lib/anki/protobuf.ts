/** Just enough protobuf to read the two numbers Keypoint needs from a modern Anki package. */

/** The first varint field `field` of a message, or null when it is absent (protobuf's default). */
export function varintField(bytes: Uint8Array, field: number): number | null {
  let at = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new RangeError("truncated protobuf");
      const byte = bytes[at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    const wire = key % 8;
    const number = Math.floor(key / 8);
    if (wire === 0) {
      const value = varint();
      if (number === field) return value;
    } else if (wire === 1) at += 8;
    else if (wire === 2) at += varint();
    else if (wire === 5) at += 4;
    else throw new RangeError(`unsupported protobuf wire type ${wire}`);
  }
  return null;
}
