"""Text that a tagger stored in the wrong encoding, put right, and the one "reads as Korean" rule.

Older Korean taggers (and Windows tools set to a Korean locale) wrote CP949 bytes into ID3v2.3
frames declared Latin-1, and into ID3v1, which has no encoding at all. Read as Latin-1, "어른"
comes out as "¾î¸¥". The bytes are all still there: encoding the text back to Latin-1 gives them
back, and decoding them as CP949 gives the Hangul, but only when the result reads as Korean is
the repair made; a French "é" must stay an "é".

:func:`looks_korean` is also what decides whether an undeclared lyrics file is CP949
(:mod:`ostplayer.domain.lyrics_encoding`): one rule for both, so a tag and a sidecar holding the
same bytes are read the same way.
"""

from __future__ import annotations

import re

__all__ = ["looks_korean", "repair_latin1_mojibake"]

_HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
_HANJA = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HIGH_LATIN1 = re.compile(r"[\x80-\xff]")

# About 550 syllables that make up most of ordinary Korean text (particles, endings, common
# words, the vocabulary of lyrics); they cover 85-95 % of the syllables of real lyrics. Bytes of
# another script read as CP949 land on syllables spread evenly over the 2,350 of KS X 1001 (a
# fifth of them in this table) or on the rare ones of the UHC extension (none of them here).
_COMMON = frozenset(
    "이다는의에가을를고하지서도한그나로으내사해기리있수것게어아자시라니요들면없대우말보주제만일까너정거저여오무마인던세네데중"
    "소된되부음때연장진상생전모날같않랑운두미알린선신원간경심금문비난화성추억눈물별밤꿈길빛봄바람늘국적스과동구조관였와러실공"
    "행방치결각분발계했터반영학통등차야렇께겠죠식명회히입민안업단건표현용당호체교견출재법레트드년월양설산외예환임속점번직형종"
    "토태배작활특육강권급역군론질초료청녀남더또왜뭐좀잘못듯처럼쯤님씨애엄빠언누친널곁품맘멀떠돌려울웃얼굴목술향햇살달노래춤꽃"
    "잎흘쳐버겨든약줘워봐줄싶잡손슴녕복름왔갔봤줬웠겼렸졌쳤났았었텐걸할갈볼될올열불함감담삼잠힘림짐김찬판넌먼천곳듣받믿닫묻좋"
    "놓많싫잊찾낮유카타파머커퍼허코포루후디키티피르크프흐개새매케테페헤귀뒤쉬취휘희창항송총홍병평락막박착북숙죽축극득즉측흑밀"
    "빌칠필근른큰흔글슬클틀플걷걱겁갑값검곧골곰곱괜굳긴깊깨꺼꼭꾸끝끼낡낫낯냥넓넘넣높놀느늦닿덕덜돈둘따딸땅떨똑뚜뜨뜻띠란랍랜"
    "럽렁력련록롭릇릴립맑맙맛망맞맨먹메며몇몰몸묵밖밝밥백벌범벗베벽변본붉붙빈빗빨뻐뿐삶색석섞섬셔솔순숨숲쉽습십싸쌓써쓰악앉앓"
    "암앞얘얻염옆옥온옷완욕움웨위윤은응익읽잃잔절젊접젖져족존졸좁준즈즐집짓짜째쪽찌참채책철첫촉촌춘충층침컸탈탑투팔편푸합험혀"
    "혔혜혹혼홀확황훈훨흙흰"
    "궁센텔콘톤"
)

# Real Korean lyrics score far above this, other scripts read as CP949 far below.
_COMMON_SHARE = 0.5


def looks_korean(text: str) -> bool:
    """True when ``text`` reads as Korean: Hangul syllables, and mostly common ones."""
    syllables = _HANGUL_SYLLABLE.findall(text)
    if not syllables:
        return False
    common = sum(1 for s in syllables if s in _COMMON)
    if len(syllables) <= 3:
        # Short titles ("어른", "시작", "빈센조"): little evidence, so little slack. Two Chinese
        # characters read as CP949 ("你好" -> "콱봤") give two syllables, rarely both common.
        return (
            common >= max(1, len(syllables) - 1)
            if len(syllables) == 3
            else common == len(syllables)
        )
    # Chinese read as CP949 turns into Hangul and Hanja mixed; Korean lyrics rarely use Hanja.
    if len(_HANJA.findall(text)) * 2 > len(syllables):
        return False
    return common >= len(syllables) * _COMMON_SHARE


def repair_latin1_mojibake(text: str) -> str:
    """``text`` decoded as CP949 when it was CP949 bytes read as Latin-1; else unchanged."""
    if not text or not _HIGH_LATIN1.search(text):
        return text
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return text  # holds characters Latin-1 cannot have: it was real Unicode
    try:
        fixed = raw.decode("cp949")
    except UnicodeDecodeError:
        return text
    return fixed if looks_korean(fixed) else text
