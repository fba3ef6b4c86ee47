<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
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
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>&amp;Edit this entry…</source>
        <translation>이 항목 편집(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete this entry…</source>
        <translation>이 항목 삭제(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Merge this entry into…</source>
        <translation>이 항목을 다른 항목에 합치기(&amp;M)…</translation>
    </message>
    <message>
        <source>New &amp;drama…</source>
        <translation>새 드라마(&amp;D)…</translation>
    </message>
    <message>
        <source>New &amp;song…</source>
        <translation>새 곡(&amp;S)…</translation>
    </message>
    <message>
        <source>New &amp;person or group…</source>
        <translation>새 사람 또는 그룹(&amp;P)…</translation>
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
        <source>S&amp;mart lists</source>
        <translation>스마트 목록(&amp;M)</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>즐겨찾기</translation>
    </message>
    <message>
        <source>Recently played</source>
        <translation>최근 재생</translation>
    </message>
    <message>
        <source>Most played</source>
        <translation>많이 재생</translation>
    </message>
    <message>
        <source>Never played</source>
        <translation>재생하지 않은 곡</translation>
    </message>
    <message>
        <source>Recently added</source>
        <translation>최근 추가</translation>
    </message>
    <message>
        <source>L&amp;yrics</source>
        <translation>가사(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Search lyrics online…</source>
        <translation>온라인에서 가사 찾기(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Fetch missing lyrics…</source>
        <translation>빠진 가사 가져오기(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Remove fetched lyrics</source>
        <translation>가져온 가사 지우기(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;hare on LRCLIB…</source>
        <translation>LRCLIB에 공유(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Online lyrics (LRCLIB)</source>
        <translation>온라인 가사 (LRCLIB)(&amp;O)</translation>
    </message>
    <message>
        <source>Look up lyrics on lrclib.net for songs that have none</source>
        <translation>가사가 없는 곡의 가사를 lrclib.net에서 찾습니다</translation>
    </message>
    <message>
        <source>Also save fetched lyrics as .&amp;lrc next to the audio</source>
        <translation>가져온 가사를 오디오 옆에 .lrc로도 저장(&amp;L)</translation>
    </message>
    <message>
        <source>Never over a file that is there already</source>
        <translation>이미 있는 파일은 덮어쓰지 않습니다</translation>
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
        <source>Add to queue</source>
        <translation>대기열에 추가</translation>
    </message>
    <message>
        <source>Replace audio file…</source>
        <translation>오디오 파일 바꾸기…</translation>
    </message>
    <message>
        <source>Link audio file…</source>
        <translation>오디오 파일 연결…</translation>
    </message>
    <message>
        <source>Relink…</source>
        <translation>다시 연결…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>연결 해제</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>폴더에서 보기</translation>
    </message>
    <message>
        <source>Edit lyrics…</source>
        <translation>가사 편집…</translation>
    </message>
    <message>
        <source>Listening &amp;history…</source>
        <translation>감상 기록(&amp;H)…</translation>
    </message>
    <message>
        <source>Plays per day and week, and your most played songs and dramas</source>
        <translation>일별·주별 재생 수와 가장 많이 들은 곡과 드라마</translation>
    </message>
    <message>
        <source>A&amp;nimate lyrics scrolling</source>
        <translation>가사 스크롤 애니메이션(&amp;N)</translation>
    </message>
    <message>
        <source>Off for low-power machines: the lyrics jump to the line sung</source>
        <translation>저사양 컴퓨터에서는 끄세요. 가사가 부르는 줄로 바로 넘어갑니다</translation>
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
    <message>
        <source>Playback is turned off (%1=1).</source>
        <translation>재생이 꺼져 있습니다 (%1=1).</translation>
    </message>
    <message>
        <source>libVLC could not be loaded (%1). Install it: %2</source>
        <translation>libVLC를 불러오지 못했습니다 (%1). 설치하세요: %2</translation>
    </message>
    <message>
        <source>libVLC could not start: its plugins are missing or an option is not supported (%1). Install it: %2</source>
        <translation>libVLC를 시작하지 못했습니다: 플러그인이 없거나 지원하지 않는 옵션이 있습니다 (%1). 설치하세요: %2</translation>
    </message>
    <message>
        <source>libVLC failed to start (%1). Install it: %2</source>
        <translation>libVLC를 시작하지 못했습니다 (%1). 설치하세요: %2</translation>
    </message>
    <message>
        <source>libVLC is not installed: %1</source>
        <translation>libVLC가 설치되어 있지 않습니다: %1</translation>
    </message>
    <message>
        <source>python-vlc is not installed (%1): pip install python-vlc, and install libVLC: %2</source>
        <translation>python-vlc가 설치되어 있지 않습니다 (%1): pip install python-vlc로 설치하고 libVLC도 설치하세요: %2</translation>
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
    <message>
        <source>Playing “%1”</source>
        <translation>재생 중: “%1”</translation>
    </message>
    <message>
        <source>%n time</source>
        <translation>%n회</translation>
    </message>
    <message>
        <source>%n times</source>
        <translation>%n회</translation>
    </message>
    <message>
        <source>Played “%1” (%2)</source>
        <translation>“%1” 재생함 (%2)</translation>
    </message>
    <message>
        <source>%1 is a device, not an audio file</source>
        <translation>%1은(는) 오디오 파일이 아니라 장치입니다</translation>
    </message>
    <message>
        <source>%1 is a folder, not an audio file</source>
        <translation>%1은(는) 오디오 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>%1 is a named pipe (FIFO), not an audio file</source>
        <translation>%1은(는) 오디오 파일이 아니라 이름 있는 파이프(FIFO)입니다</translation>
    </message>
    <message>
        <source>%1 is not a regular file, not an audio file</source>
        <translation>%1은(는) 일반 파일이 아니어서 오디오 파일이 아닙니다</translation>
    </message>
    <message>
        <source>%1 was deleted or moved</source>
        <translation>%1이(가) 삭제되었거나 옮겨졌습니다</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not play %1: %2</source>
        <translation>%1을(를) 재생하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>파일을 찾을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>It was moved to %1.</source>
        <translation>그 파일은 %1(으)로 옮겨 두었습니다.</translation>
    </message>
    <message>
        <source>No audio file is linked</source>
        <translation>연결된 오디오 파일이 없습니다</translation>
    </message>
    <message>
        <source>Skipped %1</source>
        <translation>건너뜀: %1</translation>
    </message>
    <message>
        <source>Skipped “%1” (%2)</source>
        <translation>“%1” 건너뜀 (%2)</translation>
    </message>
    <message>
        <source>Skipped “%1”: %2</source>
        <translation>“%1” 건너뜀: %2</translation>
    </message>
    <message>
        <source>The play of “%1” could not be recorded: %2.</source>
        <translation>“%1”의 재생 기록을 저장하지 못했습니다: %2.</translation>
    </message>
    <message>
        <source>The saved queue and resume point could not be read (%1); playback starts with an empty queue.</source>
        <translation>저장된 대기열과 이어 듣기 위치를 읽지 못했습니다 (%1). 빈 대기열로 재생을 시작합니다.</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>“%1” (%2)</translation>
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
    <message>
        <source>Lyrics saved in your library</source>
        <translation>보관함에 저장된 가사</translation>
    </message>
    <message>
        <source>From the file %1</source>
        <translation>파일: %1</translation>
    </message>
    <message>
        <source>Embedded in the audio file (%1)</source>
        <translation>오디오 파일에 들어 있는 가사 (%1)</translation>
    </message>
    <message>
        <source>Lyrics from %1</source>
        <translation>%1에서 가져온 가사</translation>
    </message>
    <message>
        <source>Catalog excerpt (may be incomplete)</source>
        <translation>카탈로그 발췌 (일부일 수 있음)</translation>
    </message>
    <message>
        <source>Read as %1 (your choice)</source>
        <translation>%1(으)로 읽음 (직접 고름)</translation>
    </message>
    <message>
        <source>Read as %1 (not sure) — Encoding ▸ to change</source>
        <translation>%1(으)로 읽음 (확실하지 않음) — 인코딩 ▸에서 바꿀 수 있습니다</translation>
    </message>
    <message>
        <source>Read as %1 (not sure)</source>
        <translation>%1(으)로 읽음 (확실하지 않음)</translation>
    </message>
    <message>
        <source>Read as %1</source>
        <translation>%1(으)로 읽음</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>인코딩</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Encoding ▸</source>
        <translation>인코딩 ▸</translation>
    </message>
    <message>
        <source>Read the lyrics file again in another encoding</source>
        <translation>가사 파일을 다른 인코딩으로 다시 읽습니다</translation>
    </message>
    <message>
        <source>%1 s earlier</source>
        <translation>%1초 빠르게</translation>
    </message>
    <message>
        <source>%1 s later</source>
        <translation>%1초 느리게</translation>
    </message>
    <message>
        <source>Show the lyrics 0.1 s earlier (they lag behind the singing)</source>
        <translation>가사를 0.1초 먼저 보여 줍니다 (노래보다 늦을 때)</translation>
    </message>
    <message>
        <source>Show the lyrics 0.1 s later (they run ahead of the singing)</source>
        <translation>가사를 0.1초 늦게 보여 줍니다 (노래보다 빠를 때)</translation>
    </message>
    <message>
        <source>Back to the timing in the lyrics file</source>
        <translation>가사 파일에 적힌 시간으로 되돌립니다</translation>
    </message>
    <message>
        <source>%n line</source>
        <translation>%n줄</translation>
    </message>
    <message>
        <source>%n lines</source>
        <translation>%n줄</translation>
    </message>
    <message>
        <source>No lyrics yet.</source>
        <translation>아직 가사가 없습니다.</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>시간 맞춤</translation>
    </message>
    <message>
        <source>not synced</source>
        <translation>시간 맞춤 없음</translation>
    </message>
    <message>
        <source>your library</source>
        <translation>보관함</translation>
    </message>
    <message>
        <source>a .lrc file next to the audio</source>
        <translation>오디오 옆의 .lrc 파일</translation>
    </message>
    <message>
        <source>a .txt file next to the audio</source>
        <translation>오디오 옆의 .txt 파일</translation>
    </message>
    <message>
        <source>the audio file's tags</source>
        <translation>오디오 파일 태그</translation>
    </message>
    <message>
        <source>the catalog (an excerpt)</source>
        <translation>카탈로그 (일부)</translation>
    </message>
    <message>
        <source>LRCLIB</source>
        <translation>LRCLIB</translation>
    </message>
    <message>
        <source>Lyrics from %1 (%2).</source>
        <translation>가사 출처: %1 (%2).</translation>
    </message>
    <message>
        <source>%1 is already read automatically.</source>
        <translation>%1은(는) 이미 자동으로 인코딩을 알아내 읽고 있습니다.</translation>
    </message>
    <message>
        <source>%1 is read as %2 from now on.</source>
        <translation>이제부터 %1을(를) %2(으)로 읽습니다.</translation>
    </message>
    <message>
        <source>%1: the encoding is detected again.</source>
        <translation>%1: 인코딩을 다시 자동으로 알아냅니다.</translation>
    </message>
    <message>
        <source>The lyrics could not be read: %1</source>
        <translation>가사를 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The lyrics files next to the audio could not be read in time (%1).</source>
        <translation>오디오 옆의 가사 파일을 제때 읽지 못했습니다 (%1).</translation>
    </message>
    <message>
        <source>These lyrics are not read from a file: there is no encoding to choose.</source>
        <translation>이 가사는 파일에서 읽은 것이 아니어서 고를 인코딩이 없습니다.</translation>
    </message>
    <message>
        <source>Unknown encoding %1.</source>
        <translation>알 수 없는 인코딩 %1.</translation>
    </message>
    <message>
        <source>its folder</source>
        <translation>그 폴더</translation>
    </message>
    <message>
        <source>Choose a song to see its lyrics.</source>
        <translation>노래를 고르면 가사가 여기에 나옵니다.</translation>
    </message>
    <message>
        <source>No lyrics for this song yet.</source>
        <translation>이 노래에는 아직 가사가 없습니다.</translation>
    </message>
    <message>
        <source>Write or paste them, or import a .lrc or .txt file. A .lrc file named like the audio file, next to it, is read by itself.</source>
        <translation>직접 쓰거나 붙여 넣거나 .lrc·.txt 파일을 가져오세요. 오디오 파일 옆에 같은 이름의 .lrc 파일이 있으면 저절로 읽습니다.</translation>
    </message>
    <message>
        <source>Write or paste them, or import a .lrc or .txt file. Once the song has its audio file, a .lrc file named like it, next to it, is read by itself.</source>
        <translation>직접 쓰거나 붙여 넣거나 .lrc·.txt 파일을 가져오세요. 노래에 오디오 파일을 연결하면, 그 옆에 같은 이름으로 둔 .lrc 파일을 저절로 읽습니다.</translation>
    </message>
    <message>
        <source>The encoding choice could not be saved: %1.</source>
        <translation>인코딩 선택을 저장하지 못했습니다: %1.</translation>
    </message>
    <message>
        <source>Play the song to jump to a line.</source>
        <translation>곡을 재생하면 그 줄로 건너뛸 수 있습니다.</translation>
    </message>
    <message>
        <source>The lyrics offset could not be saved: %1.</source>
        <translation>가사 시간 조정을 저장하지 못했습니다: %1.</translation>
    </message>
    <message>
        <source>Lyrics offset %1 ms saved for this song.</source>
        <translation>이 곡의 가사 시간 조정(%1ms)을 저장했습니다.</translation>
    </message>
    <message>
        <source>Close the open lyrics editor first.</source>
        <translation>열려 있는 가사 편집기를 먼저 닫으세요.</translation>
    </message>
    <message>
        <source>Link an audio file first: syncing means tapping along while the song plays (Link audio file… on the song page).</source>
        <translation>먼저 오디오 파일을 연결하세요. 시간 맞추기는 곡이 재생되는 동안 맞춰 누르는 작업입니다 (곡 페이지의 “오디오 파일 연결…”).</translation>
    </message>
    <message>
        <source>The linked audio file is missing (%1). Relink it first.</source>
        <translation>연결된 오디오 파일이 없습니다 (%1). 먼저 다시 연결하세요.</translation>
    </message>
    <message>
        <source>Save the lyrics?</source>
        <translation>가사를 저장할까요?</translation>
    </message>
    <message>
        <source>The lyrics editor has changes that are not saved. Save them before quitting?</source>
        <translation>가사 편집기에 저장하지 않은 변경 사항이 있습니다. 끝내기 전에 저장할까요?</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>저장할 변경 사항이 없습니다.</translation>
    </message>
    <message>
        <source>The lyrics could not be saved: %1.</source>
        <translation>가사를 저장하지 못했습니다: %1.</translation>
    </message>
    <message>
        <source>Lyrics saved in your library (their timing offset is back to 0).</source>
        <translation>가사를 보관함에 저장했습니다 (시간 조정은 0으로 되돌렸습니다).</translation>
    </message>
    <message>
        <source>Lyrics saved in your library.</source>
        <translation>가사를 보관함에 저장했습니다.</translation>
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
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>The queue is empty.</source>
        <translation>재생 대기열이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Play a song, or choose Play next or Add to queue from a song's menu in the library.</source>
        <translation>노래를 재생하거나, 보관함에서 노래 메뉴의 "다음에 재생" 또는 "대기열에 추가"를 고르세요.</translation>
    </message>
    <message>
        <source>Move the selected song to the front of the queue</source>
        <translation>고른 곡을 대기열 맨 앞으로 옮깁니다</translation>
    </message>
    <message>
        <source>Now playing</source>
        <translation>지금 재생 중</translation>
    </message>
    <message>
        <source>Up next</source>
        <translation>다음 차례</translation>
    </message>
</context>
<context>
    <name>Browser</name>
    <message>
        <source>Search songs, dramas, people, lyrics…</source>
        <translation>곡, 드라마, 사람, 가사 검색…</translation>
    </message>
    <message>
        <source>Search as you type (Ctrl+F); Esc clears, Down moves to results</source>
        <translation>입력하는 대로 검색합니다 (Ctrl+F). Esc는 지우기, ↓는 결과로 이동</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>By drama</source>
        <translation>드라마별</translation>
    </message>
    <message>
        <source>By artist</source>
        <translation>가수별</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>연도별</translation>
    </message>
    <message>
        <source>By actor</source>
        <translation>배우별</translation>
    </message>
    <message>
        <source>Group the songs by drama, artist, year or actor</source>
        <translation>곡을 드라마, 가수, 연도, 배우별로 묶어 봅니다</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>묶어 보기</translation>
    </message>
    <message>
        <source>Newest first / oldest first</source>
        <translation>최신순 / 오래된 순</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>최신순</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>오래된 순</translation>
    </message>
    <message>
        <source>%n song</source>
        <translation>%n곡</translation>
    </message>
    <message>
        <source>%n songs</source>
        <translation>%n곡</translation>
    </message>
    <message>
        <source>%n group</source>
        <translation>%n개 그룹</translation>
    </message>
    <message>
        <source>%n groups</source>
        <translation>%n개 그룹</translation>
    </message>
    <message>
        <source>Preparing search over %1…</source>
        <translation>%1 검색 준비 중…</translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation>%2 중 %1곡 일치</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2에 %1</translation>
    </message>
    <message>
        <source>More %1 match: press Enter to show them all (or type more)</source>
        <translation>일치하는 %1이(가) 더 있습니다: Enter를 누르면 모두 보이고, 더 입력하면 좁혀집니다</translation>
    </message>
    <message>
        <source>dramas</source>
        <translation>드라마</translation>
    </message>
    <message>
        <source>artists</source>
        <translation>가수</translation>
    </message>
    <message>
        <source>years</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>actors</source>
        <translation>배우</translation>
    </message>
    <message>
        <source>Other music</source>
        <translation>기타 음악</translation>
    </message>
    <message>
        <source>not from a drama</source>
        <translation>드라마 밖의 곡</translation>
    </message>
    <message>
        <source>Year not listed</source>
        <translation>연도 정보 없음</translation>
    </message>
    <message>
        <source>Cast not listed</source>
        <translation>출연진 정보 없음</translation>
    </message>
    <message>
        <source>first %1 %2</source>
        <translation>처음 %1개 %2</translation>
    </message>
    <message>
        <source>Select to see the list; Enter or double-click plays it</source>
        <translation>선택하면 목록을 보여 주고, Enter나 두 번 클릭하면 재생합니다</translation>
    </message>
    <message>
        <source>%1; the list holds the first %2</source>
        <translation>%1; 목록에는 처음 %2곡이 있습니다</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Show “%1”</source>
        <translation>“%1” 보기</translation>
    </message>
    <message>
        <source>No songs match “%1”</source>
        <translation>“%1”에 맞는 곡이 없습니다</translation>
    </message>
    <message>
        <source>Check the spelling, or search for a drama, a singer or a line of the lyrics.</source>
        <translation>철자를 확인하거나 드라마, 가수, 가사 한 줄로 검색해 보세요.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>검색 지우기</translation>
    </message>
    <message>
        <source>Your library is empty</source>
        <translation>보관함이 비어 있습니다</translation>
    </message>
    <message>
        <source>Add the folder where you keep your music: its songs appear here, by drama.</source>
        <translation>음악을 보관하는 폴더를 추가하세요. 그 곡들이 드라마별로 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Add music folder…</source>
        <translation>음악 폴더 추가…</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>합치기…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>%1 · from %2</source>
        <translation>%1 · %2 OST</translation>
    </message>
    <message>
        <source>by %1 · from %2</source>
        <translation>%1 · %2 OST</translation>
    </message>
    <message>
        <source>%n episode</source>
        <translation>%n부작</translation>
    </message>
    <message>
        <source>%n episodes</source>
        <translation>%n부작</translation>
    </message>
    <message>
        <source>Cast</source>
        <translation>출연진</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 (%2 역)</translation>
    </message>
    <message>
        <source>%n song</source>
        <translation>%n곡</translation>
    </message>
    <message>
        <source>%n songs</source>
        <translation>%n곡</translation>
    </message>
    <message>
        <source>Soundtrack · %1</source>
        <translation>OST · %1</translation>
    </message>
    <message>
        <source>In the drama</source>
        <translation>드라마 속에서</translation>
    </message>
    <message>
        <source>%1 (played by %2)</source>
        <translation>%1 (%2 분)</translation>
    </message>
    <message>
        <source>%1’s character</source>
        <translation>%1 배역</translation>
    </message>
    <message>
        <source>Accompanies %1.</source>
        <translation>%1의 장면에 흐릅니다.</translation>
    </message>
    <message>
        <source>The sound</source>
        <translation>음악</translation>
    </message>
    <message>
        <source>Lyrics · excerpt</source>
        <translation>가사 · 일부</translation>
    </message>
    <message>
        <source>Commentary</source>
        <translation>해설</translation>
    </message>
    <message>
        <source>Episode %1</source>
        <translation>%1화</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>장면</translation>
    </message>
    <message>
        <source>spoiler: show</source>
        <translation>스포일러: 보기</translation>
    </message>
    <message>
        <source>Where it plays</source>
        <translation>흐르는 장면</translation>
    </message>
    <message>
        <source>Sung by the drama’s own star: %1, who plays %2.</source>
        <translation>드라마 주연이 직접 부른 곡: %1 (%2 역)</translation>
    </message>
    <message>
        <source>Sung by the drama’s own star: %1, who acts in it.</source>
        <translation>드라마 출연 배우가 직접 부른 곡: %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation>, </translation>
    </message>
    <message>
        <source>&lt;b&gt;No audio file linked yet.&lt;/b&gt; Link a file you own to listen.</source>
        <translation>&lt;b&gt;아직 연결된 오디오 파일이 없습니다.&lt;/b&gt; 가지고 있는 파일을 연결하면 들을 수 있습니다.</translation>
    </message>
    <message>
        <source>Link audio file…</source>
        <translation>오디오 파일 연결…</translation>
    </message>
    <message>
        <source>The linked file is missing:</source>
        <translation>연결된 파일이 없습니다:</translation>
    </message>
    <message>
        <source>It was moved or deleted. Relink it; your notes, lyrics and play count stay with the song.</source>
        <translation>파일이 옮겨졌거나 삭제되었습니다. 다시 연결하세요. 메모, 가사, 재생 횟수는 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Relink…</source>
        <translation>다시 연결…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>연결 해제</translation>
    </message>
    <message>
        <source>Audio file: %1</source>
        <translation>오디오 파일: %1</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>바꾸기…</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>폴더에서 보기</translation>
    </message>
    <message>
        <source>Edit lyrics…</source>
        <translation>가사 편집…</translation>
    </message>
    <message>
        <source>once</source>
        <translation>1회</translation>
    </message>
    <message>
        <source>%n times</source>
        <translation>%n회</translation>
    </message>
    <message>
        <source>Played %1, last on %2.</source>
        <translation>%1 재생, 마지막 재생 %2.</translation>
    </message>
    <message>
        <source>Not played yet.</source>
        <translation>아직 재생하지 않았습니다.</translation>
    </message>
    <message>
        <source>Playback is off: libVLC is not installed.</source>
        <translation>재생할 수 없습니다: libVLC가 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>가수</translation>
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
        <source>Dramas</source>
        <translation>드라마</translation>
    </message>
    <message>
        <source>♥ Favourite</source>
        <translation>♥ 즐겨찾기</translation>
    </message>
    <message>
        <source>♡ Add to favourites</source>
        <translation>♡ 즐겨찾기에 추가</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Rating: %1</source>
        <translation>별점: %1</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>내 메모</translation>
    </message>
    <message>
        <source>Edit my notes…</source>
        <translation>메모 편집…</translation>
    </message>
    <message>
        <source>Smart list</source>
        <translation>스마트 목록</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>즐겨찾기</translation>
    </message>
    <message>
        <source>Recently played</source>
        <translation>최근 재생</translation>
    </message>
    <message>
        <source>Most played</source>
        <translation>많이 재생</translation>
    </message>
    <message>
        <source>Never played</source>
        <translation>재생하지 않은 곡</translation>
    </message>
    <message>
        <source>Recently added</source>
        <translation>최근 추가</translation>
    </message>
    <message>
        <source>No songs here yet.</source>
        <translation>아직 곡이 없습니다.</translation>
    </message>
    <message>
        <source>▶ Play all %1</source>
        <translation>▶ %1곡 모두 재생</translation>
    </message>
</context>
<context>
    <name>Edit</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 편집</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>새 %1</translation>
    </message>
    <message>
        <source>song</source>
        <translation>곡</translation>
    </message>
    <message>
        <source>drama</source>
        <translation>드라마</translation>
    </message>
    <message>
        <source>person</source>
        <translation>사람</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>  (new)</source>
        <translation>  (새 항목)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Original title</source>
        <translation>원제</translation>
    </message>
    <message>
        <source>Hangul name</source>
        <translation>한글 이름</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>다른 표기</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Cast</source>
        <translation>출연진</translation>
    </message>
    <message>
        <source>Drama</source>
        <translation>드라마</translation>
    </message>
    <message>
        <source>OST part</source>
        <translation>OST Part</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>순서</translation>
    </message>
    <message>
        <source>Performers</source>
        <translation>부른 사람</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>배역</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>멤버</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Lyric excerpt</source>
        <translation>가사 일부</translation>
    </message>
    <message>
        <source>Commentary</source>
        <translation>해설</translation>
    </message>
    <message>
        <source>Musical character</source>
        <translation>음악의 특징</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>방송사</translation>
    </message>
    <message>
        <source>Episodes</source>
        <translation>회차 수</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>장면</translation>
    </message>
    <message>
        <source>One spelling per line</source>
        <translation>한 줄에 표기 하나</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>사람</translation>
    </message>
    <message>
        <source>Group (optional)</source>
        <translation>그룹 (선택)</translation>
    </message>
    <message>
        <source>Sung by the drama’s cast</source>
        <translation>드라마 출연진이 부른 곡</translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>회차</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>장면</translation>
    </message>
    <message>
        <source>Spoiler</source>
        <translation>스포일러</translation>
    </message>
    <message>
        <source>Paragraphs separated by an empty line</source>
        <translation>문단은 빈 줄로 나눕니다</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>배우</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>배역</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>One member per line (name or id)</source>
        <translation>한 줄에 멤버 한 명 (이름 또는 ID)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>즐겨찾기에서 빼기</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>즐겨찾기</translation>
    </message>
    <message>
        <source>Edit song…</source>
        <translation>곡 편집…</translation>
    </message>
    <message>
        <source>New song in this drama…</source>
        <translation>이 드라마에 새 곡…</translation>
    </message>
    <message>
        <source>Merge song into…</source>
        <translation>곡 합치기…</translation>
    </message>
    <message>
        <source>Delete song…</source>
        <translation>곡 삭제…</translation>
    </message>
    <message>
        <source>Open a song, drama or person page to edit it.</source>
        <translation>편집하려면 곡, 드라마 또는 사람 페이지를 여세요.</translation>
    </message>
    <message>
        <source>There is nothing to merge this entry into.</source>
        <translation>이 항목을 합칠 대상이 없습니다.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>합치기</translation>
    </message>
    <message>
        <source>Keep this one (the other’s names become its aliases):</source>
        <translation>남길 항목 (다른 항목의 이름은 다른 표기가 됩니다):</translation>
    </message>
    <message>
        <source>Audio files, saved lyrics, notes and plays are kept, and come back with Undo (Ctrl+Z).</source>
        <translation>오디오 파일, 저장한 가사, 메모, 재생 기록은 남으며 실행 취소(Ctrl+Z)로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>its %n song goes</source>
        <translation>%n곡</translation>
    </message>
    <message>
        <source>its %n songs go</source>
        <translation>%n곡</translation>
    </message>
    <message>
        <source>%1 with it (%2).</source>
        <translation>%1도 함께 삭제됩니다 (%2).</translation>
    </message>
    <message>
        <source>%1 with it.</source>
        <translation>%1도 함께 삭제됩니다.</translation>
    </message>
    <message>
        <source>Delete the drama “%1”?</source>
        <translation>드라마 “%1”을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete the song “%1”?</source>
        <translation>곡 “%1”을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Their credit on %1 and place in the cast of %2 go with them; the songs and dramas stay.</source>
        <translation>%1의 참여 정보와 %2의 출연 정보가 함께 삭제됩니다. 곡과 드라마는 남습니다.</translation>
    </message>
    <message>
        <source>%n song</source>
        <translation>%n곡</translation>
    </message>
    <message>
        <source>%n songs</source>
        <translation>%n곡</translation>
    </message>
    <message>
        <source>%n drama</source>
        <translation>드라마 %n편</translation>
    </message>
    <message>
        <source>%n dramas</source>
        <translation>드라마 %n편</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>“%1”을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>%1 changed since.</source>
        <translation>그사이 %1이(가) 바뀌었습니다.</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1, %2번째 줄</translation>
    </message>
    <message>
        <source>%1. Undo with Ctrl+Z.</source>
        <translation>%1. Ctrl+Z로 실행 취소할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1’s role</source>
        <translation>%1의 배역</translation>
    </message>
    <message>
        <source>Cannot redo “%1”: %2</source>
        <translation>“%1”을(를) 다시 실행할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot undo “%1”: %2</source>
        <translation>“%1”을(를) 실행 취소할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장하지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Redid: %1</source>
        <translation>다시 실행함: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>저장함: %1</translation>
    </message>
    <message>
        <source>Undid: %1</source>
        <translation>실행 취소함: %1</translation>
    </message>
    <message>
        <source>drama %1</source>
        <translation>드라마 %1</translation>
    </message>
    <message>
        <source>feature %1</source>
        <translation>특집 기사 %1</translation>
    </message>
    <message>
        <source>person %1</source>
        <translation>사람 %1</translation>
    </message>
    <message>
        <source>song %1</source>
        <translation>곡 %1</translation>
    </message>
    <message>
        <source>— not from a drama —</source>
        <translation>— 드라마 밖의 곡 —</translation>
    </message>
    <message>
        <source>actor</source>
        <translation>배우</translation>
    </message>
    <message>
        <source>character</source>
        <translation>배역</translation>
    </message>
    <message>
        <source>group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>episode</source>
        <translation>회차</translation>
    </message>
    <message>
        <source>scene</source>
        <translation>장면</translation>
    </message>
    <message>
        <source>spoiler</source>
        <translation>스포일러</translation>
    </message>
    <message>
        <source>note</source>
        <translation>장면</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>내 메모</translation>
    </message>
    <message>
        <source>Notes on “%1”:</source>
        <translation>“%1” 메모:</translation>
    </message>
    <message>
        <source>None of these songs has an audio file linked yet.</source>
        <translation>이 곡들 중 오디오 파일이 연결된 곡이 아직 없습니다.</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <source>Scanning: %1 of %2</source>
        <translation>검색 중: %2 중 %1개</translation>
    </message>
    <message>
        <source>%n file</source>
        <translation>%n개 파일</translation>
    </message>
    <message>
        <source>%n files</source>
        <translation>%n개 파일</translation>
    </message>
    <message>
        <source>Scanning: %1 found</source>
        <translation>검색 중: %1 찾음</translation>
    </message>
    <message>
        <source>Add a music folder</source>
        <translation>음악 폴더 추가</translation>
    </message>
    <message>
        <source>A scan is already running.</source>
        <translation>이미 검색 중입니다.</translation>
    </message>
    <message>
        <source>No music folders yet: use Library ▸ Add music folder….</source>
        <translation>아직 음악 폴더가 없습니다: 보관함 ▸ 음악 폴더 추가…를 사용하세요.</translation>
    </message>
    <message>
        <source>Wait for the running scan to finish, then drop them again.</source>
        <translation>진행 중인 검색이 끝난 뒤 다시 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>Nothing to review: every scanned file found its song.</source>
        <translation>확인할 것이 없습니다: 검색한 파일이 모두 곡을 찾았습니다.</translation>
    </message>
    <message>
        <source>Review applied: %1.</source>
        <translation>확인 내용을 적용했습니다: %1.</translation>
    </message>
    <message>
        <source>Music folders</source>
        <translation>음악 폴더</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <source>Stop scanning it. Its songs, links, lyrics and plays stay.</source>
        <translation>더 이상 검색하지 않습니다. 곡, 연결, 가사, 재생 기록은 남습니다.</translation>
    </message>
    <message>
        <source>Rescan now</source>
        <translation>지금 다시 검색</translation>
    </message>
    <message>
        <source>Removing a folder deletes nothing: its songs, lyrics and plays stay.</source>
        <translation>폴더를 빼도 아무것도 삭제되지 않습니다: 곡, 가사, 재생 기록은 남습니다.</translation>
    </message>
    <message>
        <source>No folders yet: add the folder you keep your music in.</source>
        <translation>아직 폴더가 없습니다: 음악을 모아 둔 폴더를 추가하세요.</translation>
    </message>
    <message>
        <source>Review the scan's matches</source>
        <translation>검색 결과 확인</translation>
    </message>
    <message>
        <source>The scan was not sure about these files. Choose the song each one is, add it as a new song, or say no. Files left for later stay here.</source>
        <translation>검색으로 확실히 알 수 없었던 파일입니다. 파일마다 어떤 곡인지 고르거나, 새 곡으로 추가하거나, 제외하세요. 나중으로 미룬 파일은 여기에 남습니다.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>It is…</source>
        <translation>이 파일은…</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>Accept all suggestions</source>
        <translation>제안 모두 받아들이기</translation>
    </message>
    <message>
        <source>Each file gets its best match (or becomes a new song)</source>
        <translation>파일마다 가장 잘 맞는 곡으로 정합니다 (없으면 새 곡이 됩니다)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>+%n copy</source>
        <translation>사본 %n개 더</translation>
    </message>
    <message>
        <source>+%n copies</source>
        <translation>사본 %n개 더</translation>
    </message>
    <message>
        <source>What %1 is</source>
        <translation>%1은(는) 어떤 곡인가요</translation>
    </message>
    <message>
        <source>A new song: %1</source>
        <translation>새 곡: %1</translation>
    </message>
    <message>
        <source>Not sure yet: ask me later</source>
        <translation>아직 모르겠음: 나중에 묻기</translation>
    </message>
    <message>
        <source>None of these: leave the file out</source>
        <translation>모두 아님: 이 파일은 빼기</translation>
    </message>
    <message>
        <source>%1 deleted files unlinked</source>
        <translation>삭제된 파일 %1개 연결 해제</translation>
    </message>
    <message>
        <source>%1 files could not be used</source>
        <translation>파일 %1개는 쓸 수 없음</translation>
    </message>
    <message>
        <source>%1 files left out (not asked again)</source>
        <translation>파일 %1개 제외 (다시 묻지 않음)</translation>
    </message>
    <message>
        <source>%1 files linked to %2 songs</source>
        <translation>파일 %1개를 %2곡에 연결</translation>
    </message>
    <message>
        <source>%1 matches to review</source>
        <translation>확인할 항목 %1개</translation>
    </message>
    <message>
        <source>%1 moved files followed</source>
        <translation>옮겨진 파일 %1개 따라감</translation>
    </message>
    <message>
        <source>%1 new artists</source>
        <translation>새 가수 %1명</translation>
    </message>
    <message>
        <source>%1 new dramas</source>
        <translation>새 드라마 %1편</translation>
    </message>
    <message>
        <source>%1 new songs</source>
        <translation>새 곡 %1곡</translation>
    </message>
    <message>
        <source>%1 to review</source>
        <translation>확인할 항목 %1개</translation>
    </message>
    <message>
        <source>Matching the files with the catalog</source>
        <translation>파일을 카탈로그와 맞춰 보는 중</translation>
    </message>
    <message>
        <source>Scan cancelled; nothing was changed.</source>
        <translation>검색을 취소했습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Scanned %1 files (%2 read, %3 unchanged)</source>
        <translation>파일 %1개 검색 (%2개 읽음, %3개 변경 없음)</translation>
    </message>
    <message>
        <source>The review could not be applied (%1); it waits for you again.</source>
        <translation>확인 내용을 적용하지 못했습니다 (%1). 확인할 항목이 다시 기다리고 있습니다.</translation>
    </message>
    <message>
        <source>the scan stopped: %1</source>
        <translation>검색이 멈췄습니다: %1</translation>
    </message>
    <message>
        <source>two catalog songs match equally well</source>
        <translation>카탈로그의 두 곡이 똑같이 잘 맞음</translation>
    </message>
    <message>
        <source>uncertain match</source>
        <translation>확실하지 않은 일치</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Nothing playing</source>
        <translation>재생 중인 곡 없음</translation>
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
        <source>Previous</source>
        <translation>이전 곡</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음 곡</translation>
    </message>
    <message>
        <source>Hide window</source>
        <translation>창 숨기기</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>창 보이기</translation>
    </message>
    <message>
        <source>Keep playing in the tray when closed</source>
        <translation>창을 닫아도 트레이에서 계속 재생</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Notify on song change while hidden</source>
        <translation>창이 숨겨져 있을 때 곡이 바뀌면 알림</translation>
    </message>
    <message>
        <source>Notify on every song change</source>
        <translation>곡이 바뀔 때마다 알림</translation>
    </message>
    <message>
        <source>Never notify</source>
        <translation>알리지 않음</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>OST Player keeps playing here. Click the icon to show the window; Quit is in its menu.</source>
        <translation>OST Player가 여기서 계속 재생합니다. 아이콘을 누르면 창이 다시 열리고, 끝내기는 아이콘 메뉴에 있습니다.</translation>
    </message>
</context>
<context>
    <name>OnlineLyrics</name>
    <message>
        <source>Use these</source>
        <translation>이 가사 사용</translation>
    </message>
    <message>
        <source>Search online…</source>
        <translation>온라인에서 찾기…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Remove fetched lyrics</source>
        <translation>가져온 가사 지우기</translation>
    </message>
    <message>
        <source>Look up lyrics online?</source>
        <translation>온라인에서 가사를 찾을까요?</translation>
    </message>
    <message>
        <source>To find lyrics for songs that have none, OST Player sends the song's title, performers, drama (album) and length to %1 (LRCLIB, a free lyrics database), and keeps what it finds in your library.

Nothing is sent until you turn this on; Lyrics ▸ Online lyrics turns it off again.</source>
        <translation>가사가 없는 곡의 가사를 찾기 위해 OST Player는 곡의 제목, 부른 사람, 드라마(앨범), 길이를 %1(무료 가사 데이터베이스 LRCLIB)에 보내고, 찾은 가사를 보관함에 저장합니다.

이 기능을 켜기 전에는 아무것도 보내지 않습니다. 가사 ▸ 온라인 가사에서 다시 끌 수 있습니다.</translation>
    </message>
    <message>
        <source>Turn on online lyrics</source>
        <translation>온라인 가사 켜기</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>“%1” has no lyrics. Look lyrics up online? The title, performers, drama and length of songs without lyrics are then sent to %2 (LRCLIB).</source>
        <translation>“%1”에는 가사가 없습니다. 온라인에서 가사를 찾을까요? 그러면 가사가 없는 곡의 제목, 부른 사람, 드라마, 길이가 %2(LRCLIB)로 전송됩니다.</translation>
    </message>
    <message>
        <source>Online lyrics: %1</source>
        <translation>온라인 가사: %1</translation>
    </message>
    <message>
        <source>Looking up lyrics online…</source>
        <translation>온라인에서 가사를 찾는 중…</translation>
    </message>
    <message>
        <source>Lyrics could not be looked up: %1</source>
        <translation>가사를 찾지 못했습니다: %1</translation>
    </message>
    <message>
        <source>LRCLIB lists this song as instrumental.</source>
        <translation>LRCLIB에는 이 곡이 연주곡으로 올라 있습니다.</translation>
    </message>
    <message>
        <source>No lyrics found online.</source>
        <translation>온라인에서 가사를 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>Lyrics from LRCLIB saved for this song.</source>
        <translation>LRCLIB 가사를 이 곡에 저장했습니다.</translation>
    </message>
    <message>
        <source>The fetched lyrics were removed.</source>
        <translation>가져온 가사를 지웠습니다.</translation>
    </message>
    <message>
        <source>Select a song first.</source>
        <translation>먼저 곡을 고르세요.</translation>
    </message>
    <message>
        <source>Lyrics from LRCLIB saved.</source>
        <translation>LRCLIB 가사를 저장했습니다.</translation>
    </message>
    <message>
        <source>Fetching missing lyrics from LRCLIB…</source>
        <translation>LRCLIB에서 빠진 가사를 가져오는 중…</translation>
    </message>
    <message>
        <source>Stopped: what was found is kept.</source>
        <translation>멈췄습니다: 찾은 가사는 남아 있습니다.</translation>
    </message>
    <message>
        <source>Share on LRCLIB?</source>
        <translation>LRCLIB에 공유할까요?</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Publish these synced lyrics on %1 for everyone to use?</source>
        <translation>시간이 맞춰진 이 가사를 %1에 올려 누구나 쓸 수 있게 할까요?</translation>
    </message>
    <message>
        <source>Show Details… for exactly what is sent. The server asks for a proof of work first: this may take a minute.</source>
        <translation>무엇이 전송되는지는 자세히 보기…에서 확인할 수 있습니다. 서버가 먼저 작업 증명을 요구하므로 1분쯤 걸릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>올리기</translation>
    </message>
    <message>
        <source>Sharing on LRCLIB (proof of work)…</source>
        <translation>LRCLIB에 공유하는 중 (작업 증명)…</translation>
    </message>
    <message>
        <source>Shared on LRCLIB. Thank you!</source>
        <translation>LRCLIB에 공유했습니다. 고맙습니다!</translation>
    </message>
    <message>
        <source>Sharing on LRCLIB failed: %1</source>
        <translation>LRCLIB 공유에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>Sharing cancelled: nothing was sent.</source>
        <translation>공유를 취소했습니다: 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Fetch missing lyrics: %1</source>
        <translation>빠진 가사 가져오기: %1</translation>
    </message>
    <message>
        <source>Search lyrics online</source>
        <translation>온라인에서 가사 찾기</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>가수</translation>
    </message>
    <message>
        <source>Album (drama)</source>
        <translation>앨범 (드라마)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Asks %1 for these words.</source>
        <translation>%1에 이 단어로 물어봅니다.</translation>
    </message>
    <message>
        <source>Online lyrics are off (Lyrics ▸ Online lyrics).</source>
        <translation>온라인 가사가 꺼져 있습니다 (가사 ▸ 온라인 가사).</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>찾는 중…</translation>
    </message>
    <message>
        <source>%n record found.</source>
        <translation>%n건 찾았습니다.</translation>
    </message>
    <message>
        <source>%n records found.</source>
        <translation>%n건 찾았습니다.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>찾은 것이 없습니다.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>찾기에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>(instrumental)</source>
        <translation>(연주곡)</translation>
    </message>
    <message>
        <source>%1 by %2%3, %4 (%5 #%6)</source>
        <translation>%2의 %1%3, %4 (%5 #%6)</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1곡 실패</translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>%1곡 못 찾음</translation>
    </message>
    <message>
        <source>%1 of %2 songs got lyrics</source>
        <translation>%2곡 중 %1곡의 가사를 찾았습니다</translation>
    </message>
    <message>
        <source>%1 s off the file's length</source>
        <translation>파일 길이와 %1초 차이</translation>
    </message>
    <message>
        <source>%1 sure</source>
        <translation>확실도 %1</translation>
    </message>
    <message>
        <source>%1 to confirm</source>
        <translation>%1곡 확인 필요</translation>
    </message>
    <message>
        <source>%1 tries</source>
        <translation>%1번 시도</translation>
    </message>
    <message>
        <source>Are these the lyrics of this song? %1</source>
        <translation>이 곡의 가사가 맞나요? %1</translation>
    </message>
    <message>
        <source>Are these the lyrics of this song? %1 (%2)</source>
        <translation>이 곡의 가사가 맞나요? %1 (%2)</translation>
    </message>
    <message>
        <source>Link the song's audio file first: LRCLIB needs its length.</source>
        <translation>먼저 곡의 오디오 파일을 연결하세요: LRCLIB에는 곡 길이가 필요합니다.</translation>
    </message>
    <message>
        <source>Only synced lyrics you saved can be shared: sync them first (Edit…).</source>
        <translation>직접 저장한, 시간이 맞춰진 가사만 공유할 수 있습니다: 먼저 시간을 맞추세요 (편집…).</translation>
    </message>
    <message>
        <source>The lookup failed: %1</source>
        <translation>찾지 못했습니다: %1</translation>
    </message>
    <message>
        <source>another singer</source>
        <translation>다른 가수</translation>
    </message>
    <message>
        <source>another title</source>
        <translation>다른 제목</translation>
    </message>
    <message>
        <source>another version (%1)</source>
        <translation>다른 버전 (%1)</translation>
    </message>
    <message>
        <source>found %1, not found %2</source>
        <translation>찾음 %1, 못 찾음 %2</translation>
    </message>
    <message>
        <source>instrumental</source>
        <translation>연주곡</translation>
    </message>
    <message>
        <source>marked instrumental, but the song has words</source>
        <translation>연주곡으로 표시되어 있지만 이 곡에는 가사가 있습니다</translation>
    </message>
    <message>
        <source>no lyrics in the record</source>
        <translation>기록에 가사가 없습니다</translation>
    </message>
    <message>
        <source>not this song: %1</source>
        <translation>이 곡이 아님: %1</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>일반 가사</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>시간 맞춤</translation>
    </message>
</context>
<context>
    <name>LyricsEditor</name>
    <message>
        <source>No lyrics</source>
        <translation>가사 없음</translation>
    </message>
    <message>
        <source>Synced (LRC)</source>
        <translation>시간 맞춤 (LRC)</translation>
    </message>
    <message>
        <source>Plain lyrics, not synced</source>
        <translation>일반 가사, 시간 맞춤 없음</translation>
    </message>
    <message>
        <source>Not all lines are synced</source>
        <translation>시간이 맞춰지지 않은 줄이 있습니다</translation>
    </message>
    <message>
        <source>%1 without a time yet will show together with the last synced line. Save anyway?</source>
        <translation>아직 시간이 없는 %1은(는) 마지막으로 시간을 맞춘 줄과 함께 보입니다. 그래도 저장할까요?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1이(가) 이미 있습니다. 바꿀까요?</translation>
    </message>
    <message>
        <source>%n line left to tap.</source>
        <translation>누를 줄이 %n개 남았습니다.</translation>
    </message>
    <message>
        <source>%n lines left to tap.</source>
        <translation>누를 줄이 %n개 남았습니다.</translation>
    </message>
    <message>
        <source>All lines are stamped. Save, or select a line to nudge or redo it.</source>
        <translation>모든 줄의 시간을 정했습니다. 저장하거나, 줄을 골라 조금 옮기거나 다시 정하세요.</translation>
    </message>
    <message>
        <source>Close without saving the lyrics?</source>
        <translation>가사를 저장하지 않고 닫을까요?</translation>
    </message>
    <message>
        <source>Could not export %1 to %2: %3.</source>
        <translation>%1을(를) %2에 내보내지 못했습니다: %3.</translation>
    </message>
    <message>
        <source>Could not export %1: the disk holding %2 is full.</source>
        <translation>%1을(를) 내보내지 못했습니다: %2이(가) 있는 디스크가 가득 찼습니다.</translation>
    </message>
    <message>
        <source>Could not export %1: the folder %2 does not exist any more.</source>
        <translation>%1을(를) 내보내지 못했습니다: %2 폴더가 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>Could not export %1: the folder %2 is read-only or you may not write there. Copy the lyrics from the editor, or make the folder writable.</source>
        <translation>%1을(를) 내보내지 못했습니다: %2 폴더는 읽기 전용이거나 쓸 권한이 없습니다. 편집기에서 가사를 복사하거나, 폴더에 쓸 수 있게 바꾸세요.</translation>
    </message>
    <message>
        <source>Could not import %1: %2.</source>
        <translation>%1을(를) 가져오지 못했습니다: %2.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>바뀐 내용을 버릴까요?</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>더 이르게</translation>
    </message>
    <message>
        <source>Export .lrc next to the audio file</source>
        <translation>오디오 파일 옆에 .lrc 내보내기</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Exported to %1 (plain lyrics: not synced)</source>
        <translation>%1(으)로 내보냈습니다 (일반 가사: 시간 맞춤 없음)</translation>
    </message>
    <message>
        <source>Import .lrc/.txt…</source>
        <translation>.lrc/.txt 가져오기…</translation>
    </message>
    <message>
        <source>Import lyrics</source>
        <translation>가사 가져오기</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1을(를) 가져왔습니다</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>더 늦게</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation>가사</translation>
    </message>
    <message>
        <source>Lyrics (*.lrc *.txt);;All files (*)</source>
        <translation>가사 (*.lrc *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Lyrics — %1</source>
        <translation>가사 — %1</translation>
    </message>
    <message>
        <source>No audio file is linked to this song</source>
        <translation>이 곡에 연결된 오디오 파일이 없습니다</translation>
    </message>
    <message>
        <source>Not stamped: %1 is not after the previous line (%2). Play on, or step back to redo it.</source>
        <translation>정하지 않았습니다: %1이(가) 앞 줄(%2)보다 늦지 않습니다. 계속 재생하거나, 한 줄 뒤로 가서 다시 정하세요.</translation>
    </message>
    <message>
        <source>Nothing to export: the lyrics are empty.</source>
        <translation>내보낼 것이 없습니다: 가사가 비어 있습니다.</translation>
    </message>
    <message>
        <source>Nudge +0.1 s</source>
        <translation>+0.1초 옮기기</translation>
    </message>
    <message>
        <source>Nudge −0.1 s</source>
        <translation>−0.1초 옮기기</translation>
    </message>
    <message>
        <source>Paste or type the lyrics: plain text, or LRC with [mm:ss.xx] timestamps.</source>
        <translation>가사를 붙여 넣거나 입력하세요: 일반 텍스트, 또는 [mm:ss.xx] 시간이 붙은 LRC.</translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation>여기부터 재생</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>재생 또는 일시 정지</translation>
    </message>
    <message>
        <source>Play the song and press Space or Enter (or Tap) as each line starts. Blank lines are pauses: tap them when the singing stops. Backspace redoes the previous line and rewinds 2 s.</source>
        <translation>곡을 재생하고 줄마다 시작할 때 Space나 Enter(또는 ‘누르기’ 버튼)를 누르세요. 빈 줄은 쉼입니다: 노래가 멈출 때 누르세요. Backspace는 앞 줄을 다시 정하도록 2초 되감습니다.</translation>
    </message>
    <message>
        <source>Play this song to tap along: the editor follows it only while it plays.</source>
        <translation>맞춰 누르려면 이 곡을 재생하세요: 편집기는 이 곡이 재생되는 동안에만 따라갑니다.</translation>
    </message>
    <message>
        <source>Play/Pause</source>
        <translation>재생/일시 정지</translation>
    </message>
    <message>
        <source>Redo from this line</source>
        <translation>이 줄부터 다시</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>파일을 바꿀까요?</translation>
    </message>
    <message>
        <source>Restart from here</source>
        <translation>여기부터 다시</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Select a stamped line to nudge it.</source>
        <translation>옮길 줄을 고르세요 (시간을 정한 줄).</translation>
    </message>
    <message>
        <source>Song position %1</source>
        <translation>곡 위치 %1</translation>
    </message>
    <message>
        <source>Song position %1 (paused)</source>
        <translation>곡 위치 %1 (일시 정지됨)</translation>
    </message>
    <message>
        <source>Stamp the current line (Space)</source>
        <translation>지금 줄의 시간 정하기 (Space)</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>한 줄 뒤로</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>누르기</translation>
    </message>
    <message>
        <source>Tap to sync</source>
        <translation>눌러서 시간 맞추기</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>The song is paused: press Play, then tap as each line starts.</source>
        <translation>곡이 일시 정지되었습니다: 재생을 누른 뒤 줄마다 시작할 때 누르세요.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Un-stamp the previous line (Backspace)</source>
        <translation>앞 줄의 시간 지우기 (Backspace)</translation>
    </message>
    <message>
        <source>Write the lyrics as an .lrc file beside the song, for other players</source>
        <translation>다른 플레이어에서도 쓰도록 가사를 곡 옆에 .lrc 파일로 씁니다</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>it is not a regular file (a pipe or a device)</source>
        <translation>일반 파일이 아닙니다 (파이프 또는 장치)</translation>
    </message>
    <message>
        <source>too large for a lyrics file (%1; the limit is 1 MB)</source>
        <translation>가사 파일로는 너무 큽니다 (%1, 한도는 1 MB)</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <source>♪ (pause)</source>
        <translation>♪ (쉼)</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Resume “%1” where you left off (%2)?</source>
        <translation>“%1”을(를) 멈춘 곳(%2)부터 이어 들을까요?</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>이어 듣기</translation>
    </message>
    <message>
        <source>%n scanned file could not be matched for sure. Look at it when you like.</source>
        <translation>검색한 파일 %n개의 곡을 확실히 알 수 없습니다. 편할 때 확인하세요.</translation>
    </message>
    <message>
        <source>%n scanned files could not be matched for sure. Look at them when you like.</source>
        <translation>검색한 파일 %n개의 곡을 확실히 알 수 없습니다. 편할 때 확인하세요.</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>확인…</translation>
    </message>
    <message>
        <source>Looking at %1 file(s) that are not linked to a song yet…</source>
        <translation>아직 곡에 연결되지 않은 파일 %1개를 살펴보는 중…</translation>
    </message>
    <message>
        <source>Playback is off: %1</source>
        <translation>재생할 수 없음: %1</translation>
    </message>
    <message>
        <source>Opening your library…</source>
        <translation>보관함을 여는 중…</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>재생할 수 없음: %1</translation>
    </message>
    <message>
        <source>This song has no audio file linked yet: use “Link audio file…”.</source>
        <translation>이 곡에는 아직 연결된 오디오 파일이 없습니다. “오디오 파일 연결…”을 사용하세요.</translation>
    </message>
    <message>
        <source>Queued “%1”.</source>
        <translation>“%1”을(를) 대기열에 추가했습니다.</translation>
    </message>
    <message>
        <source>Select a song first, then link the audio file you own.</source>
        <translation>먼저 곡을 고른 다음, 가지고 있는 오디오 파일을 연결하세요.</translation>
    </message>
    <message>
        <source>About OST Player</source>
        <translation>OST Player 정보</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>창</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>%1 is a person, not a group</source>
        <translation>%1은(는) 그룹이 아니라 사람입니다</translation>
    </message>
    <message>
        <source>%1 is not a member of %2</source>
        <translation>%1은(는) %2의 멤버가 아닙니다</translation>
    </message>
    <message>
        <source>%1 is not in the cast of %2</source>
        <translation>%1은(는) %2의 출연진에 없습니다</translation>
    </message>
    <message>
        <source>%1 is outside %2..%3</source>
        <translation>%1은(는) %2..%3 범위를 벗어납니다</translation>
    </message>
    <message>
        <source>%1 is a person and %2 a group</source>
        <translation>%1은(는) 사람이고 %2은(는) 그룹입니다</translation>
    </message>
    <message>
        <source>%1 is a group and %2 a person</source>
        <translation>%1은(는) 그룹이고 %2은(는) 사람입니다</translation>
    </message>
    <message>
        <source>%1 and %2 are not of the same kind</source>
        <translation>%1과(와) %2은(는) 종류가 다릅니다</translation>
    </message>
    <message>
        <source>Delete drama “%1”</source>
        <translation>드라마 “%1” 삭제</translation>
    </message>
    <message>
        <source>Delete song “%1”</source>
        <translation>곡 “%1” 삭제</translation>
    </message>
    <message>
        <source>Delete person “%1”</source>
        <translation>사람 “%1” 삭제</translation>
    </message>
    <message>
        <source>Delete group “%1”</source>
        <translation>그룹 “%1” 삭제</translation>
    </message>
    <message>
        <source>Edit drama “%1”</source>
        <translation>드라마 “%1” 편집</translation>
    </message>
    <message>
        <source>Edit song “%1”</source>
        <translation>곡 “%1” 편집</translation>
    </message>
    <message>
        <source>Edit person “%1”</source>
        <translation>사람 “%1” 편집</translation>
    </message>
    <message>
        <source>Edit feature “%1”</source>
        <translation>특집 기사 “%1” 편집</translation>
    </message>
    <message>
        <source>New drama “%1”</source>
        <translation>새 드라마 “%1”</translation>
    </message>
    <message>
        <source>New song “%1”</source>
        <translation>새 곡 “%1”</translation>
    </message>
    <message>
        <source>New person “%1”</source>
        <translation>새 사람 “%1”</translation>
    </message>
    <message>
        <source>New feature “%1”</source>
        <translation>새 특집 기사 “%1”</translation>
    </message>
    <message>
        <source>It could not be saved: %1</source>
        <translation>저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Merge drama “%1” into “%2”</source>
        <translation>드라마 “%1”을(를) “%2”에 합치기</translation>
    </message>
    <message>
        <source>Merge song “%1” into “%2”</source>
        <translation>곡 “%1”을(를) “%2”에 합치기</translation>
    </message>
    <message>
        <source>Merge “%1” into “%2”</source>
        <translation>“%1”을(를) “%2”에 합치기</translation>
    </message>
    <message>
        <source>Notes on “%1”</source>
        <translation>“%1” 메모</translation>
    </message>
    <message>
        <source>a drama cannot be merged with itself</source>
        <translation>드라마를 자기 자신과 합칠 수 없습니다</translation>
    </message>
    <message>
        <source>a person cannot be merged with themselves</source>
        <translation>사람을 자기 자신과 합칠 수 없습니다</translation>
    </message>
    <message>
        <source>a song cannot be merged with itself</source>
        <translation>곡을 자기 자신과 합칠 수 없습니다</translation>
    </message>
    <message>
        <source>a song that is not from a drama has no characters</source>
        <translation>드라마에 나오지 않는 곡에는 배역이 없습니다</translation>
    </message>
    <message>
        <source>drama %1 still casts a removed person</source>
        <translation>드라마 %1의 출연진에 삭제된 사람이 남아 있습니다</translation>
    </message>
    <message>
        <source>duplicate id %1</source>
        <translation>ID %1이(가) 이미 있습니다</translation>
    </message>
    <message>
        <source>expected 'person' or 'group', got %1</source>
        <translation>'person' 또는 'group'이어야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>expected a list, got %1</source>
        <translation>목록이어야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>expected a slug id like 'its-you' (lower case, digits, '-'), got %1</source>
        <translation>'its-you' 같은 ID(영문 소문자, 숫자, '-')여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <translation>정수여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>expected text or null, got %1</source>
        <translation>텍스트나 null이어야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>expected text, got %1</source>
        <translation>텍스트여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>true나 false여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>feature %1 still lists a removed song</source>
        <translation>특집 기사 %1에 삭제된 곡이 남아 있습니다</translation>
    </message>
    <message>
        <source>group %1 still lists a removed member</source>
        <translation>그룹 %1에 삭제된 멤버가 남아 있습니다</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>꼭 입력해야 합니다</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>비워 둘 수 없습니다</translation>
    </message>
    <message>
        <source>nobody called %1 is in the library (add them with Library ▸ New person)</source>
        <translation>보관함에 %1(이)라는 사람이 없습니다 (보관함 ▸ 새 사람 또는 그룹으로 추가하세요)</translation>
    </message>
    <message>
        <source>song %1 still belongs to drama %2</source>
        <translation>곡 %1이(가) 아직 드라마 %2에 속해 있습니다</translation>
    </message>
    <message>
        <source>song %1 still credits %2</source>
        <translation>곡 %1에 아직 %2이(가) 참여자로 올라 있습니다</translation>
    </message>
    <message>
        <source>unknown drama %1</source>
        <translation>알 수 없는 드라마 %1</translation>
    </message>
    <message>
        <source>unknown group %1</source>
        <translation>알 수 없는 그룹 %1</translation>
    </message>
    <message>
        <source>unknown person %1</source>
        <translation>알 수 없는 사람 %1</translation>
    </message>
    <message>
        <source>unknown song %1</source>
        <translation>알 수 없는 곡 %1</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>Favourite “%1”</source>
        <translation>“%1” 즐겨찾기에 추가</translation>
    </message>
    <message>
        <source>Unfavourite “%1”</source>
        <translation>“%1” 즐겨찾기에서 빼기</translation>
    </message>
    <message>
        <source>Rate “%1” %2 of %3</source>
        <translation>“%1” 별점 %2/%3</translation>
    </message>
</context>
<context>
    <name>SongActions</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 is %2, not audio</source>
        <translation>%1은(는) 오디오가 아니라 %2입니다</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>모든 파일</translation>
    </message>
    <message>
        <source>Audio files</source>
        <translation>오디오 파일</translation>
    </message>
    <message>
        <source>Could not link “%1”: %2.</source>
        <translation>“%1”을(를) 연결하지 못했습니다: %2.</translation>
    </message>
    <message>
        <source>Could not open a file manager; the file is in %1.</source>
        <translation>파일 관리자를 열지 못했습니다. 파일은 %1에 있습니다.</translation>
    </message>
    <message>
        <source>Could not unlink “%1”: %2.</source>
        <translation>“%1”의 파일 연결을 끊지 못했습니다: %2.</translation>
    </message>
    <message>
        <source>Kept the link of “%1” to %2.</source>
        <translation>“%1”은(는) %2에 연결된 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>Link an audio file to “%1”</source>
        <translation>“%1”에 오디오 파일 연결</translation>
    </message>
    <message>
        <source>Linked “%1” to %2.</source>
        <translation>“%1”을(를) %2에 연결했습니다.</translation>
    </message>
    <message>
        <source>Not linked: %1.</source>
        <translation>연결하지 않았습니다: %1.</translation>
    </message>
    <message>
        <source>Replace the audio file?</source>
        <translation>오디오 파일을 바꿀까요?</translation>
    </message>
    <message>
        <source>Unlinked the audio file from “%1”.</source>
        <translation>“%1”에서 오디오 파일 연결을 끊었습니다.</translation>
    </message>
    <message>
        <source>a BMP image</source>
        <translation>BMP 이미지</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 이미지</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 이미지</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 문서</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 이미지</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>RAR 압축 파일</translation>
    </message>
    <message>
        <source>a ZIP archive</source>
        <translation>ZIP 압축 파일</translation>
    </message>
    <message>
        <source>a device or special file</source>
        <translation>장치 또는 특수 파일</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>gzip 압축 파일</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>이름 있는 파이프(FIFO)</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>프로그램</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>텍스트 파일</translation>
    </message>
    <message>
        <source>an AVI video</source>
        <translation>AVI 동영상</translation>
    </message>
    <message>
        <source>an empty file</source>
        <translation>빈 파일</translation>
    </message>
    <message>
        <source>not a known audio format</source>
        <translation>알 수 없는 형식의 파일</translation>
    </message>
    <message>
        <source>“%1” is linked to %2. Link it to %3 instead? Its lyrics, offsets and plays stay with the song.</source>
        <translation>“%1”은(는) %2에 연결되어 있습니다. 대신 %3에 연결할까요? 가사, 시간 조정, 재생 기록은 곡에 그대로 남습니다.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Your library file could not be read (%1). It was moved to %2 and nothing in it was deleted.</source>
        <translation>보관함 파일을 읽지 못했습니다 (%1). 파일은 %2(으)로 옮겼으며 그 안의 내용은 하나도 지우지 않았습니다.</translation>
    </message>
    <message>
        <source>The backup could not be read either (%1); it was moved to %2.</source>
        <translation>백업도 읽지 못했습니다 (%1). 백업은 %2(으)로 옮겼습니다.</translation>
    </message>
    <message>
        <source>The library was restored from the backup of %1.</source>
        <translation>%1에 만든 백업에서 보관함을 되살렸습니다.</translation>
    </message>
    <message>
        <source>A fresh library was made from the bundled catalog.</source>
        <translation>함께 들어 있는 카탈로그로 새 보관함을 만들었습니다.</translation>
    </message>
    <message>
        <source>The library was upgraded to schema %1.</source>
        <translation>보관함을 스키마 %1(으)로 업그레이드했습니다.</translation>
    </message>
    <message>
        <source>%1 entries of your library were read back from %2 and kept; %3 damaged or dependent part(s) could not be and were left out (they stay in that file); the bundled catalog filled in its own songs. Import again the catalogs you had imported to fill any other gaps.</source>
        <translation>보관함 항목 %1개를 %2에서 다시 읽어 살렸습니다. 손상되었거나 그에 딸린 부분 %3개는 읽지 못해 뺐습니다 (그 파일에는 남아 있습니다). 함께 들어 있는 카탈로그의 곡은 다시 채웠습니다. 빠진 곳을 채우려면 전에 가져온 카탈로그를 다시 가져오세요.</translation>
    </message>
    <message>
        <source>Your personal data file (audio links, saved lyrics) could not be read (%1). It was moved to %2.</source>
        <translation>개인 데이터 파일(오디오 연결, 저장한 가사)을 읽지 못했습니다 (%1). 파일은 %2(으)로 옮겼습니다.</translation>
    </message>
    <message>
        <source>Its backup (audio links, saved lyrics) could not be read (%1). It was moved to %2.</source>
        <translation>개인 데이터의 백업(오디오 연결, 저장한 가사)을 읽지 못했습니다 (%1). 백업은 %2(으)로 옮겼습니다.</translation>
    </message>
    <message>
        <source>Some of your personal data held values that cannot be right (%1); they were dropped and everything else was kept. The file as it was is in %2.</source>
        <translation>개인 데이터 일부에 맞을 수 없는 값이 있었습니다 (%1). 그 값은 버리고 나머지는 모두 살렸습니다. 원래 파일은 %2에 있습니다.</translation>
    </message>
    <message>
        <source>Audio links and saved lyrics were restored from a backup.</source>
        <translation>오디오 연결과 저장한 가사를 백업에서 되살렸습니다.</translation>
    </message>
    <message>
        <source>The audio links and saved lyrics of %1 song(s) were read back from %2; %3 damaged part(s) of it could not be read and were left out (they stay in that file).</source>
        <translation>%1곡의 오디오 연결과 저장한 가사를 %2에서 다시 읽었습니다. 손상된 부분 %3개는 읽지 못해 뺐습니다 (그 파일에는 남아 있습니다).</translation>
    </message>
    <message>
        <source>The audio links and saved lyrics of %1 song(s) were read back from %2; every line of it could be read, but it was changed after OST Player wrote it: check the links and lyrics you rely on.</source>
        <translation>%1곡의 오디오 연결과 저장한 가사를 %2에서 다시 읽었습니다. 모든 줄을 읽을 수 있었지만 OST Player가 쓴 뒤에 바뀐 파일입니다: 중요한 연결과 가사를 확인하세요.</translation>
    </message>
    <message>
        <source>No readable copy was left, so songs start with no audio links or saved lyrics; link your files again (the moved files keep the old data).</source>
        <translation>읽을 수 있는 사본이 남아 있지 않아 곡의 오디오 연결과 저장한 가사 없이 시작합니다. 파일을 다시 연결하세요 (옮겨 둔 파일에 예전 데이터가 남아 있습니다).</translation>
    </message>
    <message>
        <source>The repaired personal data could not be saved (%1); it is used for now and the repair is tried again next time.</source>
        <translation>고친 개인 데이터를 저장하지 못했습니다 (%1). 지금은 고친 데이터를 쓰고, 다음에 다시 저장해 봅니다.</translation>
    </message>
    <message>
        <source>The play history could not be read (%1); it was moved to %2.</source>
        <translation>재생 기록을 읽지 못했습니다 (%1). 파일은 %2(으)로 옮겼습니다.</translation>
    </message>
    <message>
        <source>%1 unreadable line(s) in the play history were skipped; all other plays were kept, and the history as it was is in %2.</source>
        <translation>재생 기록에서 읽을 수 없는 줄 %1개를 건너뛰었습니다. 다른 재생 기록은 모두 남았으며, 원래 기록은 %2에 있습니다.</translation>
    </message>
    <message>
        <source>The catalog edit journal could not be read (%1); it was moved to %2 and the library opened as last saved.</source>
        <translation>카탈로그 편집 기록을 읽지 못했습니다 (%1). 파일은 %2(으)로 옮겼고, 보관함은 마지막으로 저장된 상태로 열었습니다.</translation>
    </message>
    <message>
        <source>%1 damaged line(s) of the catalog edit journal could not be read and were skipped; every other edit was kept. The journal as it was is in %2.</source>
        <translation>카탈로그 편집 기록에서 손상된 줄 %1개를 읽지 못해 건너뛰었습니다. 다른 편집은 모두 남았습니다. 원래 편집 기록은 %2에 있습니다.</translation>
    </message>
    <message>
        <source>%1 damaged line(s) of the catalog edit journal could not be read and were skipped; every other edit was kept.</source>
        <translation>카탈로그 편집 기록에서 손상된 줄 %1개를 읽지 못해 건너뛰었습니다. 다른 편집은 모두 남았습니다.</translation>
    </message>
    <message>
        <source>%1 unfinished edit(s) at the end of the edit journal were skipped (a crash while saving them); every other edit was kept.</source>
        <translation>편집 기록 끝의 마치지 못한 편집 %1개를 건너뛰었습니다 (저장하던 중 멈춘 것). 다른 편집은 모두 남았습니다.</translation>
    </message>
    <message>
        <source>Catalog edits made since the library was last saved whole were kept in %1; they were not applied to the restored library.</source>
        <translation>보관함을 마지막으로 통째로 저장한 뒤의 카탈로그 편집은 %1에 보관했습니다. 되살린 보관함에는 적용하지 않았습니다.</translation>
    </message>
    <message>
        <source>Your recent catalog edits could not be applied (%1); they were moved to %2 and the library opened as last saved.</source>
        <translation>최근 카탈로그 편집을 적용하지 못했습니다 (%1). 편집은 %2(으)로 옮겼고, 보관함은 마지막으로 저장된 상태로 열었습니다.</translation>
    </message>
    <message>
        <source>Your list of music folders could not be read (%1).</source>
        <translation>음악 폴더 목록을 읽지 못했습니다 (%1).</translation>
    </message>
    <message>
        <source>Your list of music folders could not be read (%1); it was moved to %2 and nothing in it was deleted. %3 folder(s) could still be read and were kept. Add any missing folder again.</source>
        <translation>음악 폴더 목록을 읽지 못했습니다 (%1). 파일은 %2(으)로 옮겼으며 그 안의 내용은 하나도 지우지 않았습니다. 폴더 %3개는 읽을 수 있어 남겨 두었습니다. 빠진 폴더는 다시 추가하세요.</translation>
    </message>
    <message>
        <source>Your list of music folders could not be read (%1); it was moved to %2 and nothing in it was deleted. Add any missing folder again.</source>
        <translation>음악 폴더 목록을 읽지 못했습니다 (%1). 파일은 %2(으)로 옮겼으며 그 안의 내용은 하나도 지우지 않았습니다. 빠진 폴더는 다시 추가하세요.</translation>
    </message>
    <message>
        <source>The settings file %1 is %2 and could not be moved out of the way (%3); the defaults are used and nothing is saved.</source>
        <translation>설정 파일 %1에 문제가 있는데 (%2) 다른 곳으로 옮기지도 못했습니다 (%3). 기본값을 쓰며 설정은 저장하지 않습니다.</translation>
    </message>
    <message>
        <source>The settings file %1 was %2; it was moved to %3 and the defaults are used.</source>
        <translation>설정 파일 %1에 문제가 있어 (%2) %3(으)로 옮기고 기본값을 씁니다.</translation>
    </message>
    <message>
        <source>The setting %1 in %2 held %3, which is not a valid value; the default (%4) is used.</source>
        <translation>%2의 설정 %1 값 %3은(는) 올바르지 않아 기본값(%4)을 씁니다.</translation>
    </message>
    <message>
        <source>far too large for a settings file</source>
        <translation>설정 파일로는 너무 큼</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>이름 있는 파이프(FIFO)</translation>
    </message>
    <message>
        <source>Your notes on dramas were restored from their backup.</source>
        <translation>드라마 메모를 백업에서 되살렸습니다.</translation>
    </message>
</context>
<context>
    <name>LibraryIo</name>
    <message>
        <source>%1 new songs, %2 songs updated (%3 entries added, %4 updated, %5 unchanged)</source>
        <translation>새 곡 %1곡, 바뀐 곡 %2곡 (항목 %3개 추가, %4개 수정, %5개 그대로)</translation>
    </message>
    <message>
        <source>%1; your personal data: %2</source>
        <translation>%1. 개인 데이터: %2</translation>
    </message>
    <message>
        <source>Include my personal data (favourites, ratings, notes, plays, file paths)</source>
        <translation>내 개인 데이터 포함 (즐겨찾기, 별점, 메모, 재생 기록, 파일 경로)</translation>
    </message>
    <message>
        <source>with your personal data: favourites, ratings, notes, plays, file paths</source>
        <translation>개인 데이터 포함: 즐겨찾기, 별점, 메모, 재생 기록, 파일 경로</translation>
    </message>
    <message>
        <source>An import or export is still running. Cancel it and quit?</source>
        <translation>가져오기나 내보내기가 아직 진행 중입니다. 취소하고 종료할까요?</translation>
    </message>
    <message>
        <source>Could not export %1: %2.</source>
        <translation>%1을(를) 내보내지 못했습니다: %2.</translation>
    </message>
    <message>
        <source>Could not export %1: an unexpected error (%2).</source>
        <translation>%1을(를) 내보내지 못했습니다: 예상하지 못한 오류 (%2).</translation>
    </message>
    <message>
        <source>Could not import %1: %2.</source>
        <translation>%1을(를) 가져오지 못했습니다: %2.</translation>
    </message>
    <message>
        <source>Could not import %1: an unexpected error (%2).</source>
        <translation>%1을(를) 가져오지 못했습니다: 예상하지 못한 오류 (%2).</translation>
    </message>
    <message>
        <source>Export the catalog</source>
        <translation>카탈로그 내보내기</translation>
    </message>
    <message>
        <source>Exported %1 songs to %2 (%3).</source>
        <translation>곡 %1개를 %2(으)로 내보냈습니다 (%3).</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>%1(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Import a catalog</source>
        <translation>카탈로그 가져오기</translation>
    </message>
    <message>
        <source>Import of %1 cancelled; nothing was changed.</source>
        <translation>%1 가져오기를 취소했습니다. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <source>Imported %1: %2.</source>
        <translation>%1을(를) 가져왔습니다: %2.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 가져오는 중…</translation>
    </message>
    <message>
        <source>Nothing was imported from %1.</source>
        <translation>%1에서 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>OST Player catalog (*.json);;All files (*)</source>
        <translation>OST Player 카탈로그 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>OST Player is still working</source>
        <translation>OST Player가 아직 작업 중입니다</translation>
    </message>
    <message>
        <source>OST Player: export failed</source>
        <translation>OST Player: 내보내기 실패</translation>
    </message>
    <message>
        <source>OST Player: import failed</source>
        <translation>OST Player: 가져오기 실패</translation>
    </message>
    <message>
        <source>Wait for the running import or export to finish first.</source>
        <translation>진행 중인 가져오기나 내보내기가 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>Your library is as it was; try again once that is fixed.</source>
        <translation>보관함은 그대로입니다. 문제를 해결한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>catalog only: no file paths, no listening history</source>
        <translation>카탈로그만: 파일 경로와 감상 기록 제외</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Listening history</source>
        <translation>감상 기록</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>최근 12주</translation>
    </message>
    <message>
        <source>Plays per day</source>
        <translation>일별 재생 수</translation>
    </message>
    <message>
        <source>Plays per week</source>
        <translation>주별 재생 수</translation>
    </message>
    <message>
        <source>Song</source>
        <translation>곡</translation>
    </message>
    <message>
        <source>Drama</source>
        <translation>드라마</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>재생 수</translation>
    </message>
    <message>
        <source>Top songs</source>
        <translation>많이 들은 곡</translation>
    </message>
    <message>
        <source>Top dramas</source>
        <translation>많이 들은 드라마</translation>
    </message>
    <message>
        <source>Play some songs and your listening shows up here.</source>
        <translation>곡을 재생하면 여기에 감상 기록이 나타납니다.</translation>
    </message>
    <message>
        <source>A song counts once it has played to the end: this page then shows your plays per day and week, and your most played songs and dramas.</source>
        <translation>곡은 끝까지 재생되면 한 번으로 셉니다. 그러면 이 페이지에 일별·주별 재생 수와 가장 많이 들은 곡과 드라마가 나타납니다.</translation>
    </message>
    <message>
        <source>%1 in the last 30 days</source>
        <translation>최근 30일 동안 %1</translation>
    </message>
    <message>
        <source>%1 in the last 12 weeks</source>
        <translation>최근 12주 동안 %1</translation>
    </message>
    <message>
        <source>%n play</source>
        <translation>%n회 재생</translation>
    </message>
    <message>
        <source>%n plays</source>
        <translation>%n회 재생</translation>
    </message>
    <message>
        <source>Listening chart</source>
        <translation>감상 차트</translation>
    </message>
    <message>
        <source>%1 in all, from %2 to %3.</source>
        <translation>%2부터 %3까지 모두 %1.</translation>
    </message>
    <message>
        <source>Most: %1 on %2.</source>
        <translation>가장 많이 들은 때: %2, %1.</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Add your music folder</source>
        <translation>음악 폴더를 추가하세요</translation>
    </message>
    <message>
        <source>Choose the folder you keep your K-drama soundtracks in. Each song of yours appears under its drama, with its lyrics, ready to play. Your files stay where they are: nothing is copied or uploaded.</source>
        <translation>드라마 OST를 모아 둔 폴더를 고르세요. 내 노래가 가사와 함께 각 드라마 아래에 나타나고 바로 재생할 수 있습니다. 파일은 있던 자리에 그대로 있으며, 아무것도 복사하거나 업로드하지 않습니다.</translation>
    </message>
    <message>
        <source>You can also drop a folder or audio files on the window.</source>
        <translation>폴더나 오디오 파일을 창에 끌어다 놓아도 됩니다.</translation>
    </message>
    <message>
        <source>Your music is in the library</source>
        <translation>내 음악이 보관함에 들어왔습니다</translation>
    </message>
    <message>
        <source>Your songs are in the list on the left, under their drama.</source>
        <translation>내 노래는 왼쪽 목록에서 각 드라마 아래에 있습니다.</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>A listening companion for K-drama soundtracks: browse the OSTs of your favourite dramas, read each song's lyrics and story, and play the audio files you own.</source>
        <translation>드라마 OST와 함께하는 감상 도우미: 좋아하는 드라마의 OST를 둘러보고, 곡마다 가사와 사연을 읽고, 가지고 있는 오디오 파일을 재생하세요.</translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation>보관함: %1</translation>
    </message>
    <message>
        <source>Playback is off: %1</source>
        <translation>재생할 수 없음: %1</translation>
    </message>
    <message>
        <source>Playback through libVLC.</source>
        <translation>libVLC로 재생합니다.</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
</context>
</TS>
