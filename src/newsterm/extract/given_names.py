"""Given names, to tell a person's name alone on a line from a title-case heading.

The 1,219 male and the 1,500 most common female first names of the 1990 US Census (public
domain), lower-cased, less those that are also common English words ("Will", "Grant", "Rose",
"May", "Hope"), which open headings too.
"""

from __future__ import annotations

from newsterm.extract.lexicon import words

GIVEN_NAMES = words(
    """
    aaron abbie abby abdul abe abel abigail abraham abram ada adalberto adam adan addie adela
    adelaida adelaide adele adelina adeline adell adolfo adolph adrian adriana adrianne adrienne
    agatha agnes agustin ahmad ahmed aida aileen aimee aisha al alaina alan alana alba albert
    alberta alberto alda alden aldo alec alecia alejandra alejandro alene aletha alex alexa
    alexander alexandra alexandria alexis alfonso alfonzo alfred alfreda alfredo ali alice
    alicia alina alisa alisha alison alissa allan allen allene allie allison allyson alma alonso
    alonzo alphonse alphonso alta althea alton alva alvaro alvin alvina alyce alyson alyssa
    amado amalia amanda ambrose amelia amie amos amparo amy ana anastasia anderson andra andre
    andrea andreas andres andrew andria andy angela angelia angelica angelina angeline angelique
    angelita angelo angie anibal anissa anita ann anna annabelle annamarie anne annemarie
    annetta annette annie annmarie anthony antione antionette antoine antoinette anton antone
    antonette antonia antonio antony antwan april araceli archie arden aretha ariana ariel
    arleen arlen arlene arlie arline armand armando arnold arnoldo arnulfo aron arron arthur
    arturo asa ashlee ashleigh ashley asia astrid athena aubrey audra audrey augusta augustine
    augustus aurelia aurelio aurora austin ava avery avis barbara barbra barney barrett barry
    bart barton beatrice beatriz becky belen belinda bella belva ben benedict benita benito
    benjamin bennett bennie benny benton bernadette bernadine bernard bernardo bernice bernie
    berniece bert berta bertha bertie bertram bess bessie beth bethany betsy bette bettie
    bettina betty bettye beulah beverley beverly bianca billie billy blaine blair blake blanca
    blanche bo bobbi bobbie bobby bonita booker boris boyce boyd brad bradford bradley bradly
    brady branden brandi brandie brandon brant breanna brenda brendan brendon brenna brent
    brenton bret brett brian briana brianna brianne brice bridget bridgett bridgette brigitte
    britney britt brittany brittney brock broderick brooke bruce bruno bryan bryant bryce bryon
    buford burl burt burton byron caitlin caleb callie calvin cameron camilla camille candace
    candi candice candida cara caren carey cari caridad carissa carl carla carlene carlo carlos
    carlotta carlton carly carmel carmela carmelita carmella carmelo carmen carmine carol carole
    carolina caroline carolyn carrie carrol carroll carson carter cary caryn casandra casey
    cassandra cassie catalina catharine catherine cathie cathleen cathrine cathryn cathy catina
    catrina cecelia cecil cecile cecilia cedric cedrick celeste celestine celia celina cesar
    chad chadwick chanda chandra chanel chang chantal chantel charla charleen charlene charles
    charley charlie charline charlotte charmaine chas chasity chauncey chelsea chelsey cheri
    cherie cheryl chester chet chiquita chloe chong chris christa christal christi christian
    christie christin christina christine christoper christopher christy chrystal chung cindi
    cindy clair claire clara clare clarence clarice clarissa clark claud claude claudette
    claudia claudine claudio clayton clement clemente clementine cleo cletus cleveland clifford
    clifton clint clinton clyde cody colby cole coleen coleman colette colin colleen collette
    collin colton columbus concepcion concetta connie conrad constance consuelo cora cordelia
    cordell corey cori corina corine corinne cornelia cornelius cornell corrie corrine cortez
    cortney cory courtney craig cristal cristina cristobal cristopher cristy cruz curtis cynthia
    cyril cyrus dalia dallas dalton damaris damian damien damion damon dan dana dane danelle
    danette danial daniel daniela danielle danilo danita danna dannie danny dante daphne dara
    darcy darell daren darin dario darius darla darleen darlene darnell daron darrel darrell
    darren darrick darrin darron darryl darwin daryl dave david davis dawna dayna dean deana
    deandre deangelo deann deanna deanne debbie debby debi debora deborah debra debrah dee deena
    deidra deidre deirdre del delbert delfina delia delilah della delma delmar delmer delois
    delores deloris delphine demarcus demetria demetrius dena denice denis denise dennis denny
    denver deon derek derick derrick deshawn desiree desmond dessie devin devon dewayne dewey
    dewitt dexter dian diana diane diann dianna dianne diego dillon dina dinah dino dion dionne
    dixie dollie dolores domenic dominga domingo dominic dominick dominique dona donald dong
    donn donna donnell donnie donny donovan donte dora dorcas doreen dorene doretha dorian doris
    dorothea dorothy dorris dorsey dortha dorthy dottie doug douglas douglass dovie doyle duane
    dudley dulce duncan dustin dwain dwayne dwight dylan earl earle earlene earline earnestine
    easter eddie eddy edgar edgardo edison edith edmond edmund edmundo edna eduardo edward
    edwardo edwin edwina edythe effie efrain efren eileen elaine elba elbert elda elden eldon
    eldridge eleanor eleanore elena eli elia elias elida elijah elinor elisa elisabeth elise
    eliseo elisha elissa eliza elizabeth elizebeth ella ellen ellie elliot elliott ellis
    ellsworth elma elmer elmo elnora eloisa eloise elouise eloy elroy elsa elsie elton elva
    elvia elvin elvira elvis elwood elyse emanuel emerson emery emil emile emilia emilie emilio
    emily emma emmanuel emmett emmitt emory enid enoch enrique erasmo eric erica erich erick
    ericka erik erika erin erlinda erma erna ernest ernestina ernestine ernesto ernie errol
    ervin erwin esmeralda esperanza essie esteban estela estella estelle esther ethan ethel etta
    eugene eugenia eugenio eula eulalia eunice eusebio eva evan evangelina evangeline evelyn
    everett everette evette ezekiel ezequiel ezra fabian fabiola fannie fatima faustino fausto
    fay faye federico felecia felicia felicita felipe felix felton ferdinand fermin fernando
    fidel filiberto filomena fletcher flor florence florencio florentino florine flossie floy
    floyd forrest fran frances francesca francesco francine francis francisca francisco frankie
    franklin franklyn fred freda freddie freddy frederic frederick fredric fredrick freida
    frieda fritz gabriel gabriela gabriella gabrielle gail galen garfield garret garrett garry
    garth gary gaston gavin gaye gayla gayle gaylord gena genaro geneva genevieve genoveva
    geoffrey george georgette georgia georgiana georgianna georgie georgina gerald geraldine
    geraldo gerard gerardo geri germaine german gerri gerry gertie gertrude gil gilbert gilberto
    gilda gillian gina ginny gino giovanni gisela giuseppe gladys glenda glenn glenna gloria
    goldie gonzalo gordon gracie graciela grady graham graig granville greg gregg gregoria
    gregorio gregory greta gretchen griselda grover guadalupe guillermina guillermo gus gussie
    gustavo gwen gwendolyn hai hal haley hallie hanna hannah hans harlan harland harley harold
    harriet harriett harriette harris harrison harry harvey hassan hattie haydee hayden hayley
    haywood heather hector heidi helen helena helene helga hellen henrietta henry herbert
    heriberto herlinda herman herminia herschel hershel hester hilario hilary hilda hildegard
    hillary hilton hipolito hiram hobert holli hollie hollis homer hong horace horacio hortencia
    hosea houston howard hoyt hubert huey hugh hugo humberto hyman ian ida idella ignacio ike
    ila ilene ima imelda imogene ina india ines inez ingrid iola iona ione ira irene irma irvin
    irving irwin isaac isabel isabell isabella isabelle isaiah isaias isiah isidro ismael israel
    isreal issac iva ivan ivette ivonne jacinto jackie jacklyn jackson jaclyn jacob jacque
    jacquelin jacqueline jacquelyn jacques jacquline jae jaime jake jamaal jamal jamar jame
    jamel james jamey jami jamie jamison jan jana jane janeen janel janell janelle janet janette
    janice janie janine janis janna jannette jannie jaqueline jared jarod jarred jarrett jarrod
    jarvis jasmin jason jasper javier jayme jayne jayson jc jean jeana jeanette jeanie jeanine
    jeanna jeanne jeannette jeannie jeannine jed jeff jefferey jefferson jeffery jeffrey jeffry
    jena jenifer jenna jennie jennifer jenny jerald jeramy jere jeremiah jeremy jeri jermaine
    jerold jerome jeromy jerrell jerri jerrod jerrold jerry jesica jess jesse jessica jessie
    jesus jewell jill jillian jim jimmie jimmy jo joan joann joanna joanne joaquin jocelyn jodi
    jodie jody joe joel joelle joesph joey johanna john johnathan johnathon johnie johnna
    johnnie johnny johnson jolene jon jonah jonas jonathan jonathon joni jonnie jordan jordon
    jorge jose josef josefa josefina joseph josephine josette josh joshua josiah josie jospeh
    josue jovita joyce juan juana juanita jude judi judith judson judy jules juli julia julian
    juliana julianna julianne julie juliet juliette julio julius june jung justin justina
    justine kaitlin kaitlyn kami kara kareem karen kari karin karina karl karla karol karon
    karrie karyn kasey kate katelyn katharine katherine katheryn kathi kathie kathleen kathrine
    kathryn kathy katie katina katrina katy kay kaye kayla keenan keisha keith kelley kelli
    kellie kelly kelsey kelvin ken kendall kendra kendrick keneth kenneth kennith kenny kent
    kenton kenya keri kermit kerri kerrie kerry kesha keshia keven kevin kia kieth kim kimberlee
    kimberley kimberly kip kira kirby kirk kirsten kisha korey kory kraig kris krista kristal
    kristen kristi kristie kristin kristina kristine kristofer kristopher kristy krystal krystle
    kurt kurtis kyla kyle kylie lacey ladonna lakeisha lakesha lakisha lamar lamont lan lana
    landon lanny laquita lara larissa larry lashawn lashonda latanya latasha latisha latonia
    latonya latosha latoya latrice latricia laura laureen lauren laurence lauretta lauri laurie
    lavern laverne lavonne lawanda lawerence lawrence lazaro leah leandro leann leanna leanne
    leeann leif leigh leila leilani leisa lela leland lelia lemuel len lena lenard lenny lenora
    lenore leo leola leon leona leonard leonardo leone leonel leonor leonora leopoldo leora
    leota leroy les lesa lesley leslie lessie lester leta letha leticia letitia lettie levi
    lewis lia libby lidia lila lilia lilian liliana lillian lillie lilly lina lincoln linda
    lindsay lindsey lindy linnie lino linwood lionel lisa lisette lissette liz liza lizette
    lizzie lloyd logan lois lola lolita lon lona lonnie lonny lora loraine loren lorena lorene
    lorenzo loretta lori lorie lorine lorna lorraine lorri lorrie lottie lou louann louella
    louie louis louisa louise lourdes lowell loyd luann luanne lucas lucia luciano lucien lucila
    lucile lucille lucinda lucio lucius lucretia lucy luella luigi luis luisa luke lula lulu
    lupe lura luther luz lydia lyle lyman lyn lynda lyndon lynette lynn lynne lynnette lynwood
    mabel mable mac mack madeleine madeline madelyn madge madonna mae magda magdalena magdalene
    maggie mai majorie malcolm malcom malik malinda malissa mallory mamie mandi mandy manuel
    manuela mara marc marcel marcela marcelina marcelino marcella marcelle marcellus marcelo
    marci marcia marcie marco marcos marcus marcy margaret margarito marge margery margie margo
    margot margret marguerite mari maria mariah mariam marian mariana mariann marianna marianne
    mariano maribel maricela marie marietta marilyn marilynn marina mario marion marisa marisela
    marisol marissa maritza marjorie marjory markus marla marlena marlene marlon marlyn marlys
    marnie marquita marsha marshall marta martha martin martina marty marva marvin mary maryann
    maryanne marybeth maryellen maryjane marylou mason mathew matilda matilde matt matthew
    mattie maud maude maudie maura maureen maurice mauricio maurine mauro mavis maximo maxine
    maxwell maya mayme maynard mayra mckinley meagan meaghan megan meghan mei mel melanie melba
    melinda melisa melissa mellisa mellissa melodie melva melvin melvina mercedes meredith merle
    merlin merrill mervin mia micaela micah michael michaela michal michale micheal michel
    michele michell michelle mickey migdalia miguel mike mikel milagros milan mildred milford
    millard millicent millie milo milton mimi mina mindy minerva minh minnie miquel miranda
    miriam mirna missy misti mitch mitchel mitchell mitzi modesto mohamed mohammad mohammed
    moises mollie molly mona monica monika monique monroe monte monty morgan morris morton mose
    moses moshe mozelle muriel murray myles myra myrna myron myrtis nadia nadine nakia nan nancy
    nanette nannie naomi napoleon natalia natalie natasha nathalie nathan nathanael nathanial
    nathaniel natividad neal ned nedra neil nelda nell nellie nelly nelson nereida nestor nettie
    neva neville nicholas nichole nick nicki nickolas nicky nicolas nicole nigel niki nikita
    nikki nilda nina nita noah noe noelle noemi nola nolan nona nora norbert norberto noreen
    norma norman normand norris octavia octavio odell odessa odis ofelia ola olen oleta olga
    olin oliver olivia ollie oma omar omer ona ophelia ora oralia oren orlando orval orville
    oscar osvaldo oswaldo otha otis otto owen pablo paige palmer pam pamala pamela paris parker
    pasquale patrica patrice patricia patrick patti pattie paul paula paulette paulina pauline
    pearlie pearline pedro peggy penelope percy perla perry pete peter petra phil philip phillip
    phillis philomena phyllis pierre pilar polly porfirio portia preston pricilla priscilla
    quentin quincy quinn quintin quinton rachael racheal rachel rachelle rae rafael rafaela
    raleigh ralph ramiro ramon ramona randal randall randell randi randolph randy raphael raquel
    rashad raul rayford raymon raymond raymundo reba rebeca rebecca rebekah refugio reggie
    regina reginald reid reina reinaldo rena renae renaldo renata renate renato rene renee
    renita reta retha reuben reva rex rey reyes reyna reynaldo rhett rhoda rhonda ricardo
    richard richelle richie rick rickey rickie ricky rico rigoberto riley rita robbie robbin
    robby robert roberta roberto robt robyn rocco rochelle rocio roderick rodger rodney rodolfo
    rodrick rodrigo rogelio roger roland rolando rolf rolland roma romeo romona ron ronald ronda
    ronnie ronny roosevelt rory rosa rosalba rosalee rosalia rosalie rosalina rosalind rosalinda
    rosalyn rosanna rosanne rosario roscoe roseann roseanne rosella roselyn rosemarie rosendo
    rosetta rosie rosina rosita roslyn ross rowena roxana roxann roxanna roxanne roxie roy royce
    ruben rubin rubye rudolf rudolph rudy rueben rufus rupert russ russel russell ruth ruthann
    ruthie ryan sabina sabrina sadie sal sallie sally salvador salvatore sam samantha samatha
    sammie sammy samual samuel sandi sandra sanford santa santiago santo santos sara sarah sasha
    saul saundra scarlett scot scott scottie scotty sean sebastian selena selina selma serena
    sergio seth seymour shameka shana shanda shane shanna shannon shanon shanta shante shantel
    shari sharla sharlene sharon sharonda sharron sharyn shaun shauna shawn shawna shayla shayne
    sheena sheila shelby sheldon shelia shelley shelli shellie shelly shelton sheree sheri
    sherman sherri sherrie sherry sherwood sheryl shiela shirlene shirley shon shonda sid sidney
    silas silvia simon simone socorro sofia soledad solomon sondra sonia sonja sonya sophia
    sophie spencer stacey staci stacia stacie stacy stan stanford stanley stanton stefan
    stefanie stella stephan stephanie stephany stephen stephenie steve steven stevie stewart
    stuart sue susan susana susanna susanne susie suzan suzanna suzanne suzette sybil sydney
    sylvester sylvia tabatha tabitha tamara tameka tamela tamera tami tamika tammi tammie tammy
    tamra tana tania tanisha tanya tara taryn tasha tatiana tawana taylor ted teddy tena teodoro
    tera terence teresa terese teresita teressa teri terra terrance terrell terrence terri
    terrie terry tessa tessie thad thaddeus thanh thea theda thelma theo theodora theodore
    theresa therese theron thomas thurman tia tiana tiffani tiffany tillie tim timmy timothy
    tina tisha titus tobias toby tod todd tom tomas tomasa tommie tommy toney toni tonia tonja
    tony tonya tori tory tosha tracey traci tracie tracy travis trena trent trenton treva trevor
    trey tricia trina trinidad trisha trista tristan trudy truman tuan twila twyla ty tyler tyra
    tyree tyrell tyron tyrone tyson ulysses una ursula vada val valarie valencia valentin
    valentina valeria valerie valorie vance vanessa vaughn veda velda velma venessa venita venus
    vera verda verla vern verna vernell vernice vernon veronica vesta vicente vickey vicki
    vickie vicky victor victoria vida vikki vilma vince vincent vincenzo violeta virgie virgil
    virgilio virgina virginia vito vivian viviana von vonda wallace wally walter walton wanda
    warner warren waylon wayne weldon wendell wendi wendy werner wes wesley weston whitney
    wilber wilbert wilbur wilburn wilda wiley wilford wilfred wilfredo wilhelmina willa willard
    william williams willian willie willis willy wilma wilmer wilson wilton winford winfred
    winifred winnie winnifred winona winston wm woodrow wyatt xavier yadira yesenia yolanda yong
    yvette yvonne zachariah zachary zachery zack zackary zane zelda zella zelma zenaida zoe
    zoila
    """
)
"""Lower-case given names: "ana", "greg", "vanessa"."""
