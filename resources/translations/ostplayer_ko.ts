<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>보관함(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Group by</source>
        <translation>묶어 보기(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Import catalog…</source>
        <translation>카탈로그 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export catalog…</source>
        <translation>카탈로그 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Link audio file to this song…</source>
        <translation>이 곡에 오디오 파일 연결(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Add music folder…</source>
        <translation>음악 폴더 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rescan music folders</source>
        <translation>음악 폴더 다시 검색(&amp;R)</translation>
    </message>
    <message>
        <source>Music &amp;folders…</source>
        <translation>음악 폴더(&amp;F)…</translation>
    </message>
    <message>
        <source>Re&amp;view scan matches…</source>
        <translation>검색 결과 확인(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Featured article</source>
        <translation>특집 기사(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message>
        <source>Drama</source>
        <translation>드라마</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>아티스트</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>배우</translation>
    </message>
    <message>
        <source>&amp;Newest first</source>
        <translation>최신순(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Lyrics beside the page</source>
        <translation>페이지 옆에 가사(&amp;L)</translation>
    </message>
    <message>
        <source>Lyrics &amp;mode (full window)</source>
        <translation>가사 무대(전체 화면)(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Romanization under Hangul</source>
        <translation>한글 아래 로마자 표기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>재생 대기열(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Follow playing song</source>
        <translation>재생 중인 곡 따라가기(&amp;F)</translation>
    </message>
    <message>
        <source>Play/Pause</source>
        <translation>재생/일시 정지</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전 곡</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음 곡</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>5초 뒤로</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>5초 앞으로</translation>
    </message>
    <message>
        <source>S&amp;huffle</source>
        <translation>무작위 재생(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Repeat: off, all, one</source>
        <translation>반복: 끔, 전체, 한 곡(&amp;R)</translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation>음량 크게</translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation>음량 작게</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>음소거(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;About OST Player</source>
        <translation>OST Player 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>모양(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>시스템 설정 따르기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>언어(&amp;G)</translation>
    </message>
    <message>
        <source>The new language is used from the next start of OST Player.</source>
        <translation>새 언어는 OST Player를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>Find the music in a folder, link the catalog's songs and add the others</source>
        <translation>폴더에서 음악을 찾아 카탈로그의 곡에 연결하고 나머지는 추가합니다</translation>
    </message>
    <message>
        <source>Show the page of the song that is playing, whenever a new one starts</source>
        <translation>새 곡이 시작될 때마다 재생 중인 곡의 페이지를 보여 줍니다</translation>
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation>단축키(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Shuffle</source>
        <translation>무작위 재생</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전 곡</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음 곡</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Lyrics stage</source>
        <translation>가사 무대</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>음소거</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>재생 위치</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>음량</translation>
    </message>
    <message>
        <source>Length: %1</source>
        <translation>길이: %1</translation>
    </message>
    <message>
        <source>Volume: %1%</source>
        <translation>음량: %1%</translation>
    </message>
    <message>
        <source>Playback is off</source>
        <translation>재생할 수 없음</translation>
    </message>
    <message>
        <source>Repeat: off</source>
        <translation>반복: 끔</translation>
    </message>
    <message>
        <source>Repeat: all</source>
        <translation>반복: 전체</translation>
    </message>
    <message>
        <source>Repeat: one</source>
        <translation>반복: 한 곡</translation>
    </message>
    <message>
        <source>Previous (Ctrl+Left)</source>
        <translation>이전 곡 (Ctrl+←)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>일시 정지 (Space)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>재생 (Space)</translation>
    </message>
    <message>
        <source>Next (Ctrl+Right)</source>
        <translation>다음 곡 (Ctrl+→)</translation>
    </message>
    <message>
        <source>Shuffle (Ctrl+H)</source>
        <translation>무작위 재생 (Ctrl+H)</translation>
    </message>
    <message>
        <source>click to cycle: off, all, one</source>
        <translation>누를 때마다 끔, 전체, 한 곡</translation>
    </message>
    <message>
        <source>Unmute (Ctrl+M)</source>
        <translation>음소거 해제 (Ctrl+M)</translation>
    </message>
    <message>
        <source>Mute (Ctrl+M)</source>
        <translation>음소거 (Ctrl+M)</translation>
    </message>
    <message>
        <source>Full-screen lyrics (F11)</source>
        <translation>전체 화면 가사 (F11)</translation>
    </message>
</context>
<context>
    <name>NowPlaying</name>
    <message>
        <source>Cover</source>
        <translation>앨범 표지</translation>
    </message>
    <message>
        <source>Nothing playing</source>
        <translation>재생 중인 곡 없음</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>즐겨찾기</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>즐겨찾기에서 빼기</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>즐겨찾기에 추가</translation>
    </message>
</context>
<context>
    <name>PlaybackUi</name>
    <message>
        <source>OST Part %1</source>
        <translation>OST Part %1</translation>
    </message>
    <message>
        <source>Nothing playing</source>
        <translation>재생 중인 곡 없음</translation>
    </message>
    <message>
        <source>The favourite could not be saved: %1</source>
        <translation>즐겨찾기를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Added “%1” to your favourites</source>
        <translation>“%1”을(를) 즐겨찾기에 추가했습니다</translation>
    </message>
    <message>
        <source>Removed “%1” from your favourites</source>
        <translation>“%1”을(를) 즐겨찾기에서 뺐습니다</translation>
    </message>
</context>
<context>
    <name>PlayFeedback</name>
    <message>
        <source>Nothing to play: choose a song in the list (Enter plays it), or add your music.</source>
        <translation>재생할 곡이 없습니다: 목록에서 곡을 고르거나(Enter로 재생) 음악을 추가하세요.</translation>
    </message>
    <message>
        <source>“%1” has no audio file yet. Link the file you own, or scan your music folder.</source>
        <translation>“%1”에는 아직 오디오 파일이 없습니다. 가지고 있는 파일을 연결하거나 음악 폴더를 검색하세요.</translation>
    </message>
    <message>
        <source>Link a file…</source>
        <translation>파일 연결…</translation>
    </message>
    <message>
        <source>Scan a folder…</source>
        <translation>폴더 검색…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>LyricsView</name>
    <message>
        <source>No lyrics yet</source>
        <translation>아직 가사가 없습니다</translation>
    </message>
    <message>
        <source>Add lyrics…</source>
        <translation>가사 추가…</translation>
    </message>
    <message>
        <source>Type, paste or import lyrics</source>
        <translation>가사를 입력하거나 붙여 넣거나 가져옵니다</translation>
    </message>
    <message>
        <source>These lyrics are not synced</source>
        <translation>이 가사는 시간이 맞춰져 있지 않습니다</translation>
    </message>
    <message>
        <source>Sync them…</source>
        <translation>시간 맞추기…</translation>
    </message>
    <message>
        <source>Tap along with the song to time each line</source>
        <translation>노래에 맞춰 눌러 줄마다 시간을 정합니다</translation>
    </message>
    <message>
        <source>Looking for lyrics…</source>
        <translation>가사를 찾는 중…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Edit, import or sync these lyrics</source>
        <translation>이 가사를 편집하거나 가져오거나 시간을 맞춥니다</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>느리게</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>정시</translation>
    </message>
    <message>
        <source>Click to play from here</source>
        <translation>누르면 여기부터 재생합니다</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Nothing playing</source>
        <translation>재생 중인 곡 없음</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Play next</source>
        <translation>다음에 재생</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>비우기</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation>대기열에서 빼기</translation>
    </message>
</context>
<context>
    <name>Browser</name>
    <message>
        <source>Search songs, dramas, people, lyrics…</source>
        <translation>곡, 드라마, 사람, 가사 검색…</translation>
    </message>
</context>
</TS>
