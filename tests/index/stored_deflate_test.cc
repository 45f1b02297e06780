// The indexer's deflate() (src/index/stored_deflate.cc): a Zstandard frame
// that Xapian asks to shrink is refused at once, as zlib refuses an output
// that does not fit; everything else is zlib's own deflate.
#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <string>
#include <vector>

namespace {

// Deflates |in| in one call into |room| bytes, as Xapian does: the result,
// and the bytes written.
std::pair<int, std::string> DeflateOnce(const std::string& in, size_t room) {
  z_stream s{};
  EXPECT_EQ(deflateInit2(&s, 6, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), Z_OK);
  EXPECT_EQ(deflateReset(&s), Z_OK);
  std::string out(room, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  s.avail_in = static_cast<uInt>(in.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  return {rc, out};
}

std::string Inflate(const std::string& in, size_t size) {
  z_stream s{};
  EXPECT_EQ(inflateInit2(&s, -15), Z_OK);
  std::string out(size, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  s.avail_in = static_cast<uInt>(in.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&s, Z_FINISH), Z_STREAM_END);
  out.resize(s.total_out);
  inflateEnd(&s);
  return out;
}

// A Zstandard frame's magic number, then bytes; here repetitive, so that
// deflate could shrink them if it were asked to.
std::string ZstdLike() {
  std::string frame = "\x28\xb5\x2f\xfd";
  for (int i = 0; i < 200; ++i) frame += "the council approved the harbour plan ";
  return frame;
}

TEST(StoredDeflateTest, AFrameToShrinkIsRefusedWithoutWork) {
  const std::string frame = ZstdLike();
  const auto [rc, out] = DeflateOnce(frame, frame.size());  // Xapian gives as much room
  EXPECT_EQ(rc, Z_BUF_ERROR);                               // Xapian then stores the item as it is
  EXPECT_TRUE(out.empty());
}

TEST(StoredDeflateTest, AFrameWithRoomToGrowIsDeflatedAsZlibWould) {
  const std::string frame = ZstdLike();
  const auto [rc, out] = DeflateOnce(frame, compressBound(frame.size()) + 64);
  ASSERT_EQ(rc, Z_STREAM_END);
  EXPECT_EQ(Inflate(out, frame.size()), frame);
}

TEST(StoredDeflateTest, OtherItemsAreDeflatedAsBefore) {
  // Term lists, spellings: what Xapian does compress.
  std::string text;
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"mayor", "council", "subway", "fare", "budget", "vote"};
  for (int i = 0; i < 2000; ++i) text += words[rng() % words.size()] + ' ';
  const auto [rc, out] = DeflateOnce(text, text.size());
  ASSERT_EQ(rc, Z_STREAM_END);
  EXPECT_LT(out.size(), text.size() / 3);
  EXPECT_EQ(Inflate(out, text.size()), text);
}

}  // namespace
