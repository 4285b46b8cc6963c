/**
 * Hand-written English and Indonesian sentiment lexicon, written for this project (not derived from any
 * published word list). Valence runs −4…+4. Words are in the canonical forms `normaliseText` produces
 * (slang already mapped: "gak" → "tidak", "cepet" → "cepat", "can't" → "can not").
 */

const EN_POSITIVE = `
good 1.9 great 2.8 excellent 3.1 amazing 3 awesome 3 fantastic 3.1 wonderful 3 superb 3 brilliant 2.8
outstanding 3 incredible 2.6 fabulous 3 phenomenal 3 stellar 2.8 perfect 2.8 perfectly 2 love 2.8 loved 2.8
loves 2.6 loving 2.4 lovely 2.7 liked 1.6 best 2.8 better 0.8 nice 1.8 happy 2.5 happier 2 glad 2 pleased 2.1
satisfied 2.2 thank 1.8 thanks 1.8 thankful 2.3 grateful 2.5 appreciate 2 appreciated 2.2 appreciation 2
smooth 1.6 smoothly 1.6 easy 1.3 easier 1.2 effortless 2 quick 1.1 quickly 1 fast 1 speedy 1.5 prompt 1.5
helpful 2.2 friendly 2.2 kind 1.7 courteous 2 polite 1.8 professional 1.5 attentive 1.8 fun 2 enjoy 2
enjoyed 2.2 enjoying 2 beautiful 2.6 gorgeous 2.8 impressive 2.5 impressed 2.4 recommend 1.6 recommended 1.5
cool 1.4 sweet 1.6 yay 2.4 wow 1.2 congrats 2.4 congratulations 2.5 welcome 1.2 comfortable 2 comfy 2
spacious 1.5 clean 1.2 reliable 2 solid 1.4 fine 0.7 oke 0.8 haha 1.3 hahaha 1.4 lol 1 lmao 1 legend 2 hero 2
star 1.2 rocks 2.2 kudos 2.5 shoutout 1.8 blessed 2.4 delighted 3 thrilled 3 excited 2.4 exciting 2.3
win 1.8 winner 2 worth 1.2 bonus 1.3 saved 1.3 resolved 1.8 solved 1.8 sorted 1.3 fixed 1.3 safe 1.3
safely 1.3 hope 0.6 hopefully 0.6 agree 1 fair 0.9 pleasant 2.2 pleasure 2.2 favorite 2 favourite 2 fave 2
interesting 1.4 cute 2 adorable 2.5 funny 1.6 hilarious 2 wholesome 2.5 proud 2 respect 1.4 glorious 2.6
magnificent 3 marvelous 3 marvellous 3 terrific 3 exceptional 2.8 flawless 2.8 seamless 2 efficient 1.7
effective 1.5 useful 1.6 valuable 1.6 generous 2.2 caring 2 supportive 2 honest 1.6 trustworthy 2 loyal 1.5
cheers 1.3 bravo 2.5 hooray 2.5 woohoo 2.5 yes 0.4 yeah 0.3 sure 0.3 okay 0.5 alright 0.6 super 1.5 neat 1.5
gem 2 champion 2 joy 2.6 joyful 2.6 beautifully 2.5 nicely 1.6 wonderfully 2.8 truly 0.4 smile 1.7
smiling 1.8 laugh 1.5 laughing 1.3 excellence 2.8 upgrade 0.9 upgraded 1.3 free 0.6 lucky 2 luckily 1.5
fortunately 1.5 relief 1.5 relieved 1.8 calm 1 peaceful 2 success 2.2 successful 2.2 succeeded 2
improve 1 improved 1.6 improvement 1.5 awesomeness 3 epic 2 dope 1.8 lit 1.2 fire 0.5 goat 1.5 slay 1.5
underrated 1.5 consistent 1.2 fastest 2 quickest 2 easiest 1.8 smoothest 2.2 friendliest 2.5 nicest 2.2 faster 1.1 quicker 1.1 smoother 1.3
cleaner 0.9 nicer 1.4 kindest 2.5 finest 2.2 greatest 2.8 coolest 2 comfiest 2 cheers 1.3 thankyou 1.9
`;

const EN_NEGATIVE = `
bad -2.4 terrible -3 horrible -3.1 awful -3 worst -3.1 worse -2.1 poor -2 poorly -2 hate -2.7 hated -2.7
hates -2.6 hating -2.4 disappointed -2.3 disappointing -2.3 disappointment -2.3 frustrated -2.2
frustrating -2.3 frustration -2.2 annoyed -2 annoying -2.1 angry -2.5 mad -1.8 furious -3 livid -3
upset -2 sad -2 unhappy -2.3 useless -2.3 pathetic -2.8 ridiculous -2.1 unacceptable -2.8 disgusting -3
disgrace -3 disgraceful -3 shame -1.9 shameful -2.6 rude -2.4 incompetent -2.8 incompetence -2.8 joke -1.1
nightmare -2.8 disaster -2.8 mess -1.8 fail -2 failed -2 fails -2 failing -2 failure -2.2 wrong -1.5
problem -1.3 problems -1.3 issue -1.1 issues -1.1 trouble -1.5 complaint -1.5 complain -1.5 complained -1.6
scam -3 scammed -3 scammers -3 fraud -3 stole -2.5 steal -2 stealing -2.4 overcharged -2.5 broken -2
broke -1.3 damaged -2 crash -1.8 crashed -2 crashes -1.8 crashing -2 buggy -2 glitch -1.5 glitchy -1.8
error -1.4 errors -1.4 slow -1.5 slower -1.3 lag -1.3 laggy -1.8 lagging -1.6 stuck -1.8 stranded -2.5
lost -1.6 lose -1.2 losing -1.3 missing -1.5 missed -1.5 delay -1.8 delayed -2 delays -1.8 late -1.5
cancelled -2 canceled -2 cancellation -1.6 cancel -0.5 refund -0.5 waiting -1 waited -1.5 ignored -2.2
ignoring -2.2 ignore -1.5 unresponsive -2.4 outage -2 outages -2 dropped -1.3 drops -1 dropping -1.3
expensive -1.3 overpriced -2 dirty -2 filthy -2.6 smelly -2 stinks -2.2 cold -0.4 tired -1.3 sick -1.8
hurt -2 pain -2 painful -2.2 fuck -2.5 fucking -1 shit -2.5 shitty -2.8 crap -2.3 crappy -2.5 sucks -2.5
suck -2 sucked -2 wtf -2 damn -1.1 hell -1.3 stupid -2.4 idiot -2.6 idiots -2.6 dumb -2.2 moron -2.6
bullshit -2.8 garbage -2.5 trash -2.3 rubbish -2.3 lies -2 lie -1.4 lied -2.2 liar -2.6 liars -2.6
misleading -2.2 unfortunately -1.2 sorry -0.6 kill -2 killed -2 die -1.8 dead -1.6 death -2 war -1.6
fear -1.8 scared -2 afraid -1.5 worried -1.5 worry -1.2 confused -1 confusing -1.5 hard -0.4 difficult -1.2
impossible -1.4 unable -1.5 fault -1.5 blame -1.5 ugh -1.8 argh -1.8 meh -0.8 boring -1.8 bored -1.5
lame -1.8 cringe -1.5 gross -2.2 yikes -1.5 sigh -1.2 smh -1.5 fml -2 ffs -2 irritated -2 irritating -2
disgusted -3 hopeless -2.3 worthless -2.6 unbearable -2.6 insane -0.6 crazy -0.5 weird -0.8 unreliable -2
unprofessional -2.5 careless -2 negligence -2.5 refuse -1.5 refused -1.8 refusing -1.8 denied -1.8
rejected -1.5 overbooked -2 bumped -1.2 cramped -1.5 uncomfortable -2 noisy -1.3 leaking -1.5 hacked -2
stolen -2.5 wasted -2 waste -2 sadly -1.6 regret -2 regretting -2 ashamed -2 embarrassing -2 awkward -1
terrified -2.6 nervous -1.2 anxious -1.4 stress -1.6 stressed -1.8 stressful -1.9 horrendous -3.1
atrocious -3.1 appalling -3 appalled -3 dreadful -3 lousy -2.4 mediocre -1.5 subpar -1.8 shoddy -2.3
inconvenience -1.6 inconvenient -1.6 nuisance -1.8 hassle -1.8 headache -1.6 chaos -2 chaotic -2 rip -0.8
idiotic -2.6 ripoff -2.5 cheated -2.6 cheat -2 fake -1.8 bogus -2 sucky -2.2 annoy -1.8 hateful -2.8
angrily -2.3 kidding -0.5 seriously -0.6 excuse -0.8 excuses -1.5 threat -1.6 danger -1.8 dangerous -2
unsafe -2.2 rudely -2.4 rudeness -2.4 ignorant -2.2 clueless -2 greedy -2.2 arrogant -2.2 disrespectful -2.5
nasty -2.5 ugly -2.3 evil -2.8 cruel -2.8 miserable -2.8 depressed -2.5 depressing -2.5 lonely -1.8
cry -1.6 crying -1.6 cried -1.6 tears -1 outraged -3 outrageous -2.6 shocking -1.5 shocked -1.2
insulting -2.5 insult -2.2 bitch -2.5 asshole -2.8 dick -2.2 cunt -3 bastard -2.6 pissed -2.5
spilled -1.5 spilt -1.5 leaked -1.5 watery -1.5 burnt -1.6 stale -1.8 bland -1.5 soggy -1.6 undercooked -1.8 overcooked -1.4 tasteless -1.8
lukewarm -1 overrated -1.5 inconsistent -1.5 disconnected -1.8 faulty -2 defective -2.2 cracked -1.6 scratched -1.4 dented -1.4 shattered -1.8 torn -1.5
losing -1.5 cancelling -1.6 canceling -1.6 ruining -2.2 ruined -2.2 looping -1.2 doubled -1.1 chargeback -1.8 dispute -1.3 locked -0.7 nobody -1.1 nothing -0.5 never -0.6
without -0.3 why -0.6 explain -0.4 supposed -0.8 again -0.4 keeps -0.3 compensation -0.6 misplaced -1.8
mishandled -2 rebooked -1 downgraded -1.8 overcrowded -1.6 unhelpful -2.2 unavailable -1.2 useless -2.3
inaccurate -1.6 incorrect -1.4 invalid -1 declined -1.4 stuck -1.8 forever -0.6 queue -0.5 bot -0.3
`;

const ID_POSITIVE = `
bagus 2 baik 1.5 mantap 2.6 keren 2.4 puas 2.4 memuaskan 2.5 suka 1.7 senang 2.2 seneng 2.2 gembira 2.4
bahagia 2.6 enak 2 lezat 2.5 nyaman 2 ramah 2.2 cepat 1.1 murah 1.2 recommended 2 rekomen 2 rekomended 2
recomended 2 rekomendasi 0.8 top 1.8 terbaik 2.8 lancar 1.8 jos 2.2 gokil 1.4 kece 2 asik 2 asyik 2 seru 2
cantik 2.1 rapi 1.5 bersih 1.4 sukses 2 berhasil 1.5 terimakasih 1.8 juara 2.4 hebat 2.4 amanah 2 ori 1.1
original 0.9 sesuai 1.2 aman 1.2 membantu 1.8 solutif 2 responsif 2 sabar 1.4 sopan 1.8 cocok 1.5 pas 0.6
wangi 1.5 halus 1.1 empuk 1.5 lembut 1.1 awet 1.8 kuat 0.9 indah 2.3 sejuk 1.4 asri 1.8 luas 0.9 lengkap 1.2
unik 1.2 istimewa 2.5 favorit 2 sempurna 2.8 lumayan 0.7 mewah 1.4 segar 1.5 lucu 1.7 menarik 1.5
nikmat 2.2 senyum 1.2 cinta 2.4 sayang 1.2 terjangkau 1.5 ekonomis 1.2 strategis 1 bangga 2 salut 2.3
apresiasi 2 berkah 2 alhamdulillah 1.6 syukur 1.7 bersyukur 2 tepat 0.8 cekatan 2 sigap 2 tanggap 1.8
gercep 2 profesional 1.7 stabil 1.4 kencang 1.5 kenceng 1.8 mulus 1.8 rajin 1.4 teliti 1.4 jujur 1.7
berkualitas 2 layak 1.1 hore 2 yey 2 yeay 2 mantapp 2.6 ajib 2.2 maknyus 2.5 nagih 1.8 puass 2.4 oke 0.8
bermanfaat 1.8 manfaat 1.2 untung 1.3 beruntung 1.8 menyenangkan 2.4 mengagumkan 2.6 memukau 2.6 elegan 1.8
modern 0.8 canggih 1.6 praktis 1.5 mudah 1.2 gampang 1.2 hemat 1.4 gratis 0.8 bonus 1.2 diskon 0.5 ramai 0.3
konsisten 1.2 berguna 1.6 lega 1.4 jago 2 gesit 2 tercepat 2 termurah 1 ternyaman 2.2 terpercaya 2 worth 1.4 best 2.8 good 1.9 nice 1.8 love 2.6 thanks 1.8 keren 2.4 setia 1.5 langganan 0.8
sehat 1.3 semangat 1.6 sukak 1.7 suka-suka 0.5 damai 1.8 tenang 1.5 adem 1.5 empati 1.6 peduli 1.6
terpercaya 2 terbaik 2.8 memuaskan 2.5 mantul 2.6 bersahabat 2 higienis 1.6 sedap 2.2 gurih 1.6 renyah 1.4
manis 0.6 sigap 2 puji 1.8 pujian 1.6 istimewa 2.5 luarbiasa 2.8 wow 1.2 anjay 0.4 kepuasan 1.5
`;

const ID_NEGATIVE = `
buruk -2.4 jelek -2.2 kecewa -2.5 mengecewakan -2.7 dikecewakan -2.5 kekecewaan -2.4 parah -1.8
lemot -2.1 lambat -1.7 lelet -2 lola -1.8 lama -0.7 mahal -1.2 rusak -2.1 hilang -1.7 batal -1.7
dibatalkan -2 pembatalan -1.2 telat -1.8 terlambat -1.8 delay -1.8 gagal -2 error -1.7 eror -1.7
kesal -2.3 kesel -2.3 sebel -2 sebal -2 marah -2.4 benci -2.7 payah -2.3 ampas -2.4 zonk -2.3 penipu -3
tipu -2.5 nipu -2.5 menipu -2.8 penipuan -3 ditipu -2.8 ketipu -2.8 bohong -2.2 php -1.7 sampah -2.4
busuk -2.4 basi -2 kotor -2 bau -1.4 jutek -2.2 kasar -2 cuek -1.7 dicuekin -2.1 diabaikan -2 ribet -1.8
susah -1.4 sulit -1.2 nyesel -2.3 menyesal -2.3 kapok -2.5 rugi -2.1 merugikan -2.4 palsu -2.2 cacat -2.1
penyok -1.8 sobek -1.8 bocor -1.8 pecah -1.3 lecet -1.5 macet -1.3 putus -1.2 gangguan -1.8 ngelag -1.8
lag -1.3 hang -1.2 ngehang -1.8 ngadat -2 lelah -1.3 capek -1.5 males -1.3 malas -1.3 bosan -1.5
bosen -1.5 takut -1.4 sedih -2 nangis -1.7 pusing -1.5 bingung -0.7 komplain -1.5 keluhan -1.3 anjir -0.9
anjing -2.4 bangsat -3 goblok -2.8 goblog -2.8 bodoh -2.4 tolol -2.8 kampret -2 sialan -2.4 sial -1.9
brengsek -2.8 tai -2.4 taik -2.4 asu -2.4 bego -2.2 dungu -2.4 bacot -2 najis -2.4 jijik -2.4 hancur -2.2
berantakan -2 hambar -1.8 alot -1.5 asin -0.5 sempit -1.1 antri -0.6 korupsi -2.2 koruptor -2.4
maling -2.4 curang -2.4 fitnah -2.4 hoax -2 hoaks -2 denda -1 kepotong -1.3 terpotong -1.2 tersedot -1.6
nyedot -1.5 disedot -1.6 sayangnya -1.2 masalah -1.2 bermasalah -1.8 kendala -1.1 keluh -1.3 mengeluh -1.5
jahat -2.4 kejam -2.6 mengerikan -2.4 menyedihkan -2.3 memalukan -2.5 malu -1.3 kacau -2 lebay -1.2
lambat -1.7 lamban -1.8 telmi -1.8 lemah -1.3 rugi -2.1 boros -1.5 mubazir -1.5 nyebelin -2.3
menyebalkan -2.3 menjengkelkan -2.3 jengkel -2.3 dongkol -2.3 emosi -1.5 geram -2.3 muak -2.6 kesalahan -1.3
salah -1.2 ngaco -1.8 ngawur -2 ngeselin -2.3 mengesalkan -2.3 gila -0.8 stres -1.7 stress -1.7 frustasi -2.2
sengsara -2.5 derita -2.3 menderita -2.3 sakit -1.7 mati -1.3 hilang -1.7 kehilangan -1.7 dicuri -2.4
mencuri -2.3 rampok -2.5 pungli -2.4 lambat -1.7 terlantar -2.3 ditelantarkan -2.5 tersesat -1.4
kacaw -2 katrok -1.6 norak -1.6 kampungan -1.8 murahan -1.8 jelek-jelek -2 ampun -1 aduh -1 duh -0.9
astaga -1.2 astagfirullah -1.2 astaghfirullah -1.2 wtf -2 bad -2.4 worst -3 parahhh -1.8 kurang -0.8
tumpah -1.5 bocor -1.8 encer -1.5 kebanyakan -0.8 gosong -1.8 keasinan -1.5 kemanisan -1.2 kepahitan -1.2 pahit -0.6 kembalikan -1
molor -1.8 dibiarkan -1.1 ditinggal -1.2 ketinggalan -1 dipindah -0.5 tiba-tiba -0.4 kenapa -0.5 belum -0.7
tanpa -0.3 jangan -0.4 mendadak -0.8 sepihak -1.8 dilempar -1.8 diblokir -1.6 terblokir -1.6 ditolak -1.5
kembalikan -1 dikembalikan 0 membengkak -1.8 kemahalan -1.8 kekecilan -1.3 kebesaran -1 kelamaan -1.8
kecewain -2.5 ngecewain -2.5 lambreta -1.8 gangguan -1.8 down -1.2 mati -1.3 lelet -2 dibohongi -2.6
dipersulit -2.2 nyangkut -1.5 tertahan -1.3 ngilang -1.5 raib -2 gaje -1.5 amburadul -2.3 abal-abal -2.2
`;

const EMOJI = `
😡 -3 🤬 -3.4 😠 -2.8 😤 -1.8 😞 -2.2 😔 -2 😢 -2.2 😭 -1.3 😩 -2 😫 -2 😒 -2 🙄 -1.8 😑 -1.2 😐 -0.5
😕 -1.2 🙁 -1.8 ☹ -2 💔 -2.2 👎 -2.5 🤮 -3 🤢 -2.5 💩 -2 😱 -1.2 😰 -1.5 😣 -1.8 😖 -2 🤦 -2 😓 -1.5
😥 -1.5 😪 -1 😴 -0.8 😬 -0.8 🤡 -1.8 😂 0.4 🤣 0.4 😀 2 😃 2.2 😄 2.3 😁 2.2 😆 1.8 😊 2.3 🙂 1.1 😉 1.1
😍 3 🥰 3 😘 2.2 ☺ 2 🤗 2.1 🤩 3 😎 1.5 🥳 2.5 👍 2 👌 1.7 👏 1.9 🙌 2.1 💪 1.5 ❤ 2.4 💕 2.4 💖 2.4 💗 2.3
💓 2.3 💙 2 💚 2 💛 2 💜 2 🧡 2 💯 1.9 🔥 1.2 ✨ 1.1 🎉 2.2 🥇 2 🏆 2 ⭐ 1.5 🌟 1.8 🙏 0.5 😇 1.8 😋 2
🤤 1.1 🤝 1.2 💐 2 🌹 1.4 😅 0.1 🤔 -0.3 😳 -0.5 🤷 -0.4 ✅ 0.9 ❌ -1.5 ⚠ -1 🚫 -1.5 😶 -0.5 😛 1 😜 1.1
😝 1 🤑 0.6 🥺 -0.6 😟 -1.7 😿 -2 🥲 -0.5 🤯 -1 😵 -1.2 🖕 -3 👿 -2.5 😈 -0.5 💀 -0.4 😮 -0.3 😲 -0.3 👀 0
`;

/** Multi-word entries (canonical tokens separated by spaces). They replace the words they cover. */
const PHRASES = `
thanks for nothing -3|thank you for nothing -3|can not wait 2|on hold -1.8|still waiting -2.2|still no -1.4
still nothing -2|no response -2.2|no reply -2|no answer -1.8|no one -1.4|no update -1.8|no updates -1.8
no info -1.5|no information -1.5|no explanation -2|no help -2|no signal -2.2|no service -2|no internet -2.1
no wifi -1.5|no power -1.6|no idea -0.8|missed connection -2|charged twice -2.5|double charged -2.5
ripped off -2.5|rip off -2.5|on time 1.4|well done 2.5|good job 2.4|great job 2.6|thank you 1.9
much appreciated 2.2|you rock 2.5|guys rock 2.5|waste of time -2.5|waste of money -2.5|never again -2.8
fed up -2.5|sick of -2.4|tired of -2|what a joke -2.5|get it together -2|do better -1.8|so much for -1.5
sort it out -1.4|fix it -1.1|fix this -1.1|for hours -1.5|for days -1.5|for weeks -1.6|took forever -2
takes forever -2|taking forever -2|too long -1.5|over an hour -1.2|customer service 0|customer care 0
customer support 0|pretty good 1.9|pretty bad -2.1|looking forward 2|look forward 1.8|not bad 1.2
no problem 0.8|no worries 1|no issues 1|not a problem 0.8|let down -2|let me down -2.2|shut down -1
down again -1.8|is down -1.6|went down -1.4|keeps crashing -2.4|keeps dropping -2|keep dropping -2
help me -0.4|what the hell -2|the best 2.8|second to none 2.5|top notch 2.6|worth it 1.8|5 stars 2.5
five stars 2.5|one star -2.2|1 star -2.2|zero stars -2.6|thumbs up 2|thumbs down -2.2|hats off 2.4
terima kasih 1.9|luar biasa 2.8|fast respon 2|fast response 2|slow respon -2|slow response -2
respon lambat -2|respon cepat 2|tepat waktu 1.8|tidak tepat waktu -2|lama banget -1.8|lama sekali -1.8
gimana sih -1.2|bagaimana sih -1.2|apaan sih -1.5|apa-apaan -2|kok bisa -0.9|lagi-lagi -1|biasa saja -0.6
b saja -0.6|sesuai pesanan 1.5|sesuai foto 1.5|sesuai gambar 1.5|sesuai deskripsi 1.5|salah kirim -2
kurang ajar -3|mati lampu -1.5|putus nyambung -2|putus-putus -2|kena tipu -3|tidak ada kabar -2
tidak ada respon -2.2|tidak ada solusi -2.2|tidak ada sinyal -2.2|tidak ada balasan -2|tidak ada jawaban -2
tidak ada info -1.5|tidak ada kejelasan -2.2|belum ada kabar -2|belum ada respon -2|belum ada balasan -2
belum ada kejelasan -2.2|belum ada solusi -2|tidak dibalas -2|belum dibalas -1.8|tidak jelas -1.8
tidak sesuai -2|tidak bisa login -2.3|tidak bisa masuk -2|tidak masuk -1.5|jangan beli -2.2
jangan pernah -1.5|uang kembali 0|mohon maaf -0.2|the best 2.8|mantap jiwa 3|top markotop 2.8
tidak mengecewakan 2|tidak kecewa 1.8|tidak nyesel 2|tidak menyesal 2|tidak rugi 1.8|tidak ribet 1.6
tidak lemot 1.5|tidak pernah kecewa 2.4|belum pernah kecewa 2.4|not disappointed 1.8|never disappoints 2.4
never disappointed 2.2|can not complain 1.6|no complaints 1.8|cepat tanggap 2.2|pelayanan prima 2.5
sangat membantu 2.4|naik terus -1.5|naik lagi -1.2|hilang sinyal -2|sinyal hilang -2
tidak ada masalah 1|belum sampai -1.8|belum datang -1.8|belum masuk -1.5|belum diproses -1.6
belum dikirim -1.6|belum juga -1.5|belum dapat -1.3|belum ada -0.8|belum cair -1.5|tidak cair -1.8
hung up -2|hang up -1.4|transferred me -1.2|cut off -1.4|fell apart -2.2|falling apart -2.2|money back -1.5
want a refund -1.6|full refund 0.6|logged me out -1.5|locked out -2|copy paste -1.4|same reply -1.2
i done -1.8|done with -1.4|cancel my -1.1|where my -1.3|where is my -1.4|what going on -1.5
what is going on -1.5|any update -0.5|how long -0.7|again and again -1.6|every time -0.9|every single time -1.4
no way -1|no longer -0.8|should have -0.7|thanks again 2|thank you again 2|in the queue -1.1|in queue -1.1
tanpa info -1.8|tanpa kabar -1.9|tanpa kejelasan -2|tanpa pemberitahuan -1.9|tanpa penjelasan -1.9
masih menunggu -1.8|masih belum -1.6|masih saja -1.2|tiap hari -0.5|setiap hari -0.3|berkali-kali -1.2
sampai sekarang -1.2|tolong dicek -0.8|tolong dibantu -0.5|minta ganti rugi -2|ganti rugi -1.5|uang saya -1
tidak ada tindak lanjut -2|belum ada tindak lanjut -2|cuma dibaca -1.8|hanya dibaca -1.8|dibaca saja -1.6
ditunggu-tunggu -0.8|tolong diperbaiki -1.2|mohon diperbaiki -1|dua kali -0.4|_num_ kali -0.3|not what i paid for -2|made my day 2.5|made my week 2.5|you made my 2.2|gimana ini -0.8
lama sekali -1.8|lama banget -1.8|tiba-tiba dipotong -2|kena charge -1.5
`;

/** Neutral words that turn negative when negated: "not working", "never arrived", "tidak bisa", "belum sampai". */
const NEGATED_NEGATIVE = `
work works working worked arrive arrived arriving respond responded responding reply replied replying
answer answered answering load loading loads connect connecting connected open opens help helped helping
show showed showing received receive get got come came accept accepted refund refunded call called contact
contacted deliver delivered update updated replies responds answers arrives loads connects access log login sign heard sent fix fixed resolve solved let
pay find book use order check change reach speak talk download install buy fit charge turn flush
bisa dapat sampai datang masuk nyala jalan berfungsi konek connect dibalas balas respon direspon ditanggapi
diproses dikirim terkirim muncul diangkat diganti dikembalikan cair nyampe bayar pesan login buka dibuka
akses diakses pakai dipakai dilacak diatur transfer checkout hubungi dihubungi telepon nelpon diangkat dipakai
ketemu nganter diantar ditemukan diganti aktif dikembalikan balas
`;

const NEGATORS_TEXT = `
not no never nothing nobody none neither nor without hardly barely nowhere cannot
tidak bukan belum jangan tanpa kurang tak
`;

/** Degree words: multiply the valence of the polar word next to them. */
const BOOSTERS_TEXT = `
very 0.3 so 0.3 really 0.3 extremely 0.5 super 0.4 too 0.3 totally 0.4 absolutely 0.5 completely 0.5
incredibly 0.5 highly 0.4 truly 0.3 fucking 0.5 freaking 0.4 most 0.3 such 0.2 quite 0.1 way 0.2 hella 0.4
utterly 0.5 deeply 0.4 seriously 0.3 genuinely 0.3 especially 0.2 insanely 0.5 ridiculously 0.4 bloody 0.4
sangat 0.4 banget 0.4 sekali 0.4 amat 0.3 terlalu 0.3 paling 0.4 benar-benar 0.4 parah 0.5 abis 0.4
pol 0.4 poll 0.4 pisan 0.4 makin 0.3 semakin 0.3 begitu 0.2 sungguh 0.4 bener-bener 0.4 gila 0.5 anjir 0.4
`;

const DAMPENERS_TEXT = `
slightly -0.4 bit -0.3 kinda -0.3 somewhat -0.3 fairly -0.2 almost -0.2 little -0.3 barely -0.4
agak -0.4 sedikit -0.4 cukup -0.2 lumayan -0.2 rada -0.4
`;

/** Words that shift the weight of a sentence to what follows ("good food but rude staff"). */
export const CONTRAST_WORDS = new Set(['but', 'however', 'tapi', 'namun', 'padahal', 'sayangnya', 'unfortunately']);

/** Words that are boosters next to a polar word and polar themselves only when alone. */
export const FLEX_BOOSTERS = new Set(['parah', 'gila', 'anjir']);

/**
 * Customer-care trouble terms: a negative mention that uses them is a complaint.
 * Also strong evidence of a negative mention when the rest of the text is neutral ("flight delayed 3 hours").
 */
const CARE_PROBLEMS_TEXT = `
delay delayed delays late cancelled canceled cancellation lost missing stuck stranded hold waiting waited
broken damaged crash crashed crashing crashes outage outages error errors bug glitch overcharged
charged missed overbooked bumped slow lag laggy dropped drops dropping down unresponsive ignored
watery burnt stale soggy spilled spilt leaked undercooked disconnected disconnects hacked losing cancelling canceling ruined ruining wrong complaint complain stolen late-flight leaking defective
telat terlambat delay batal dibatalkan hilang rusak lemot lambat lelet error eror gagal gangguan putus
kepotong terpotong tersedot encer gosong tumpah basi dibatalkan ditolak diblokir penyok sobek bocor cacat komplain keluhan kendala masalah bermasalah refund
tagihan denda molor sepihak membengkak lecet pecah salah ngadat ngelag hang macet lola diabaikan dicuekin
`;

/** Topics of customer care, used for the complaint type together with negative sentiment. */
const CARE_TOPICS_TEXT = `
flight flights plane gate boarding seat seats bag bags baggage luggage suitcase crew pilot airport lounge
ticket tickets booking reservation rebook rebooked connection check-in checkin order orders package
parcel delivery delivered shipping shipment courier tracking item product return exchange refund payment
paid charge charged bill billing invoice fee fees price account password login app website site signal
internet wifi network data plan router modem technician service support agent chat call email dm queue
line store staff manager driver
penerbangan pesawat bandara bagasi koper kursi tiket jadwal boarding pramugari pramugara pilot maskapai
pesanan paket kurir pengiriman resi ongkir barang produk retur pengembalian pembayaran bayar transfer
tagihan pulsa kuota sinyal jaringan internet wifi aplikasi akun login password kata sandi layanan
pelayanan cs admin toko driver ojek kasir petugas teknisi saldo voucher promo dana uang kontrak langganan
contract subscription membership account
`;

function parseValences(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const parts = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const word = parts[i];
    const value = Number(parts[i + 1]);
    if (word === undefined || Number.isNaN(value)) throw new Error(`bad lexicon entry near "${word}"`);
    out.set(word, value);
  }
  return out;
}

function parseSet(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter(Boolean));
}

export interface Phrase {
  tokens: string[];
  valence: number;
}

function parsePhrases(text: string): Map<string, Phrase[]> {
  const byFirst = new Map<string, Phrase[]>();
  for (const entry of text.split(/[|\n]/)) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const cut = trimmed.lastIndexOf(' ');
    const tokens = trimmed.slice(0, cut).split(' ');
    const valence = Number(trimmed.slice(cut + 1));
    const first = tokens[0];
    if (first === undefined || Number.isNaN(valence)) throw new Error(`bad phrase "${trimmed}"`);
    const list = byFirst.get(first) ?? [];
    list.push({ tokens, valence });
    // Longest first, so "thank you for nothing" wins over "thank you".
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    byFirst.set(first, list);
  }
  return byFirst;
}

export const WORD_VALENCE: ReadonlyMap<string, number> = new Map([
  ...parseValences(EN_POSITIVE),
  ...parseValences(EN_NEGATIVE),
  ...parseValences(ID_POSITIVE),
  ...parseValences(ID_NEGATIVE),
  ...parseValences(EMOJI),
]);
export const PHRASES_BY_FIRST: ReadonlyMap<string, Phrase[]> = parsePhrases(PHRASES);
export const NEGATED_NEGATIVE_WORDS: ReadonlySet<string> = parseSet(NEGATED_NEGATIVE);
export const NEGATORS: ReadonlySet<string> = parseSet(NEGATORS_TEXT);
export const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...parseValences(BOOSTERS_TEXT),
  ...parseValences(DAMPENERS_TEXT),
]);
export const CARE_PROBLEMS: ReadonlySet<string> = parseSet(CARE_PROBLEMS_TEXT);
export const CARE_TOPICS: ReadonlySet<string> = parseSet(CARE_TOPICS_TEXT);

const enWords = new Set([...parseValences(EN_POSITIVE).keys(), ...parseValences(EN_NEGATIVE).keys()]);
const idWords = new Set([...parseValences(ID_POSITIVE).keys(), ...parseValences(ID_NEGATIVE).keys()]);
/** Lexicon words of one language only: cheap evidence for language detection. */
export const ENGLISH_ONLY_WORDS: ReadonlySet<string> = new Set([...enWords].filter((w) => !idWords.has(w)));
export const INDONESIAN_ONLY_WORDS: ReadonlySet<string> = new Set([...idWords].filter((w) => !enWords.has(w)));

/** Words the normaliser may map an elongated spelling to ("baguuus" → "bagus"). */
export function isLexiconWord(word: string): boolean {
  return WORD_VALENCE.has(word) || BOOSTERS.has(word) || NEGATORS.has(word) || NEGATED_NEGATIVE_WORDS.has(word);
}
