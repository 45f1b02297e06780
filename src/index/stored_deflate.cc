// Xapian deflates every item it stores in its docdata table (zlib, level 6)
// and keeps the result only when it comes out smaller; Xapian 1.4 has no
// switch for it. nsearch's document data is a Zstandard frame already
// (index/data_dictionary.h), which deflate never shrinks: the work was 3%
// of a gothamist build's CPU, done twice an article (written to a shard,
// then again when the shards are compacted; half of it in the build's
// serial end), and thrown away.
//
// This file defines zlib's deflate() for the programs it is linked into
// (nsearch-index): a call that starts and ends a stream whose input is a
// Zstandard frame, into an output buffer no larger than the input (how
// Xapian asks: "compress this if it gets smaller"), gets zlib's own answer
// for an output that does not fit, Z_BUF_ERROR, at once; Xapian then stores
// the item as it is, as it did after deflating it. Every other call goes to
// zlib's deflate unchanged. The index written is the same (gothamist: the
// same size to the byte, the same answers to the 200 benchmark queries).
#include <dlfcn.h>
#include <zlib.h>

#include <cstring>

namespace {

using DeflateFn = int (*)(z_streamp, int);

DeflateFn ZlibDeflate() {
  static const DeflateFn real = reinterpret_cast<DeflateFn>(dlsym(RTLD_NEXT, "deflate"));
  return real;
}

bool IsZstdFrame(const Bytef* in, uInt size) {
  static constexpr unsigned char kMagic[] = {0x28, 0xB5, 0x2F, 0xFD};
  return in != nullptr && size >= sizeof kMagic && std::memcmp(in, kMagic, sizeof kMagic) == 0;
}

}  // namespace

extern "C" int deflate(z_streamp stream, int flush) {
  if (stream != nullptr && flush == Z_FINISH && stream->total_in == 0 &&
      stream->avail_out <= stream->avail_in && IsZstdFrame(stream->next_in, stream->avail_in))
    return Z_BUF_ERROR;
  const DeflateFn real = ZlibDeflate();
  return real != nullptr ? real(stream, flush) : Z_STREAM_ERROR;
}
