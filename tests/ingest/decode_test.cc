#include "ingest/decode.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace nsearch::ingest {
namespace {

using namespace std::string_literals;

TEST(DecodeTest, ValidUtf8PassesThroughUnchanged) {
  Decoded d = DecodeText("Zoë’s café — 東京");
  EXPECT_EQ(d.text, "Zoë’s café — 東京");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.invalid_bytes, 0);
}

TEST(DecodeTest, Utf8BomIsStripped) {
  Decoded d = DecodeText("\xEF\xBB\xBFHeadline\n\nBody");
  EXPECT_EQ(d.text, "Headline\n\nBody");
  EXPECT_EQ(d.encoding, "UTF-8");
}

TEST(DecodeTest, Utf16LittleEndianWithBom) {
  // "Café ☕" + U+1F4F0 (newspaper, a surrogate pair) in UTF-16LE.
  std::string le =
      "\xFF\xFE"
      "C\0a\0f\0\xE9\0 \0\x15\x26 \0\x3D\xD8\xF0\xDC"s;
  Decoded d = DecodeText(le);
  EXPECT_EQ(d.text, "Café ☕ \U0001F4F0");
  EXPECT_EQ(d.encoding, "UTF-16LE");
  EXPECT_EQ(d.invalid_bytes, 0);
}

TEST(DecodeTest, Utf16BigEndianWithBom) {
  std::string be = "\xFE\xFF\0H\0i\0\n\0\xE9"s;
  Decoded d = DecodeText(be);
  EXPECT_EQ(d.text, "Hi\né");
  EXPECT_EQ(d.encoding, "UTF-16BE");
}

TEST(DecodeTest, Utf16UnpairedSurrogateAndOddByteAreReplacedAndCounted) {
  std::string le =
      "\xFF\xFE"
      "A\0\x00\xD8"
      "B\0"
      "\x41"s;
  Decoded d = DecodeText(le);
  EXPECT_EQ(d.text, "A\uFFFDB\uFFFD");
  EXPECT_EQ(d.invalid_bytes, 3);
}

TEST(DecodeTest, Latin1FileIsDetectedAndConverted) {
  std::string latin1 =
      "Le caf\xE9 de la gare a ferm\xE9 ses portes apr\xE8s trente ann\xE9"
      "es. Les habitu\xE9s regrettent d\xE9j\xE0 les cr\xEApes et le th\xE9 du matin.\n";
  Decoded d = DecodeText(latin1);
  EXPECT_EQ(d.text,
            "Le café de la gare a fermé ses portes après trente années. Les habitués "
            "regrettent déjà les crêpes et le thé du matin.\n");
  EXPECT_EQ(d.invalid_bytes, 0);
  EXPECT_NE(d.encoding, "UTF-8");
}

TEST(DecodeTest, Windows1252SmartQuotesBecomeUnicodeQuotes) {
  std::string cp1252 = "He said \x93no comment\x94 \x96 and left.";
  Decoded d = DecodeText(cp1252);
  EXPECT_EQ(d.text, "He said “no comment” – and left.");
}

TEST(DecodeTest, Windows1251RussianIsDetected) {
  // "Москва сегодня объявила о новых мерах поддержки..." in windows-1251.
  std::string cp1251 =
      "\xCC\xEE\xF1\xEA\xE2\xE0 \xF1\xE5\xE3\xEE\xE4\xED\xFF \xEE\xE1\xFA\xFF\xE2\xE8\xEB\xE0 "
      "\xEE \xED\xEE\xE2\xFB\xF5 \xEC\xE5\xF0\xE0\xF5 \xEF\xEE\xE4\xE4\xE5\xF0\xE6\xEA\xE8 "
      "\xE4\xEB\xFF \xE6\xE8\xF2\xE5\xEB\xE5\xE9 \xE8 \xEF\xF0\xE5\xE4\xEF\xF0\xE8\xFF\xF2\xE8\xE9 "
      "\xE3\xEE\xF0\xEE\xE4\xE0. \xC2 \xEF\xF0\xE0\xE2\xE8\xF2\xE5\xEB\xFC\xF1\xF2\xE2\xE5 "
      "\xF1\xEA\xE0\xE7\xE0\xEB\xE8, \xF7\xF2\xEE \xEF\xF0\xEE\xE3\xF0\xE0\xEC\xEC\xE0 "
      "\xED\xE0\xF7\xED\xE5\xF2\xF1\xFF \xE2 \xF1\xEB\xE5\xE4\xF3\xFE\xF9\xE5\xEC "
      "\xEC\xE5\xF1\xFF\xF6\xE5.";
  Decoded d = DecodeText(cp1251);
  EXPECT_EQ(d.text.rfind("Москва сегодня объявила", 0), 0u) << d.text << " " << d.encoding;
}

TEST(DecodeTest, InvalidBytesInUtf8TextBecomeReplacementAndAreCounted) {
  // Mostly UTF-8 (é, —) with one stray byte and one truncated sequence.
  std::string bad = "café \xFF crème — fin \xE2\x82";
  Decoded d = DecodeText(bad);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.text, "café \uFFFD crème — fin \uFFFD");
  EXPECT_EQ(d.invalid_bytes, 3);
}

TEST(DecodeTest, SanitizeRejectsOverlongsAndSurrogates) {
  std::string out;
  EXPECT_EQ(SanitizeUtf8("a\xC0\xAF"
                         "b\xED\xA0\x80"
                         "c",
                         &out),
            5);
  EXPECT_EQ(out, "a\uFFFD\uFFFDb\uFFFD\uFFFD\uFFFDc");
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
}

TEST(DecodeTest, DeclaredCharsetIsUsedForNonUtf8Bytes) {
  Decoded d = DecodeText(
      "Gr\xFC\xDF"
      "e",
      "iso-8859-1");
  EXPECT_EQ(d.text, "Grüße");
  Decoded koi = DecodeText("\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r");
  EXPECT_EQ(koi.text, "Привет");
}

TEST(DecodeTest, RandomBytesAlwaysDecodeToValidUtf8) {
  std::mt19937 rng(42);
  for (int i = 0; i < 300; ++i) {
    std::string bytes(rng() % 600, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 256);
    Decoded d = DecodeText(bytes);
    EXPECT_TRUE(IsValidUtf8(d.text)) << "case " << i << " " << d.encoding;
  }
}

}  // namespace
}  // namespace nsearch::ingest
