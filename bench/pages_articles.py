"""The article texts behind tests/fixtures/pages: invented events, people and places.

Written for newsterm's full-text benchmark; every name, quotation and address is made up
(addresses use example.com). ``bench/make_pages.py`` wraps each one in a different page
layout and writes NAME.html and NAME.txt (the known body text).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Story:
    """One invented article: what the page shows around it and the body a reader wants."""

    name: str
    title: str
    byline: str
    date: str
    body: list[str]
    """Paragraphs; a paragraph starting with '## ' is a subheading."""
    write_to: str = ""
    caption: str = ""
    teaser: list[str] = field(default_factory=list)


STORIES = [
    Story(
        name="harbour_ferry",
        title="Ferry Service to Ostrel Island Resumes After Three-Week Pause",
        byline="By Marta Kellner",
        date="March 4, 2026",
        body=[
            "The ferry linking the mainland port of Calvenby with Ostrel Island sailed again on "
            "Monday morning, ending a three-week suspension that left the island's 2,400 residents "
            "relying on a single supply barge and a borrowed fishing boat.",
            "The service was halted in February after inspectors found corrosion in the loading "
            "ramp at the Calvenby terminal. Repairs took longer than planned because replacement "
            "steel plates had to be cut to measure at a yard in the north of the county.",
            "“We were starting to ration flour at the bakery,” said Ida Brannstrom, who runs the "
            "only bakery on the island. “People were kind about it, but nobody wants to do that "
            "again next winter.”",
            "The harbour authority said the ramp had been rebuilt to carry heavier vehicles, "
            "which should allow the delivery trucks that serve the island's two shops to cross "
            "in one trip instead of three.",
            "Passenger numbers on the first sailing were modest. Crew members counted 61 people "
            "and 14 cars, many of them islanders returning from hospital appointments and family "
            "visits they had postponed.",
            "Local councillors have asked the county to fund a second, smaller vessel that could "
            "run when the main ferry is out of service. A decision is expected at the budget "
            "meeting in May.",
        ],
        write_to="Write to Marta Kellner at marta.kellner@example.com",
        caption="The ferry Stella Ostrel leaving Calvenby on Monday. Photo: Harbour Authority",
    ),
    Story(
        name="library_robots",
        title="Brenford Library Lends Out Its First Batch of Classroom Robots",
        byline="By Tomasz Oduya and Lena Hartwig",
        date="January 19, 2026",
        body=[
            "Children in Brenford can now borrow a programmable robot with their library card, "
            "after the town library added 30 small wheeled kits to its lending collection this "
            "week.",
            "The kits, which fit in a shoebox, can be taught to follow a line, avoid obstacles "
            "and play simple tunes. Each comes with a laminated guide written by volunteers from "
            "the town's coding club.",
            "## Waiting list already long",
            "By Thursday afternoon, 112 families had joined the waiting list. Librarians said they "
            "had expected interest but not a queue at the door on the first morning.",
            "“A boy came in at nine with his grandmother and a printed-out list of questions,” "
            "said head librarian Oskar Feldt. “He wanted to know whether the robot could be taught "
            "to fetch a ball. We told him to come back and show us.”",
            "## Paid for by a bake sale",
            "The robots cost about 40 pounds each and were paid for with money raised by a "
            "year of bake sales and a sponsored walk organised by parents at two primary schools.",
            "The library plans to run Saturday workshops for borrowers who get stuck, and to add "
            "more kits if the scheme lasts through the summer without too many broken wheels.",
        ],
        write_to="Write to Tomasz Oduya at t.oduya@example.com and Lena Hartwig at lena.hartwig@example.com",
    ),
    Story(
        name="orchard_frost",
        title="Late Frost Damages Apple Blossom Across the Vell Valley",
        byline="By Ruth Amsel",
        date="April 22, 2026",
        body=[
            "A night of unusually hard frost has damaged apple blossom in orchards across the Vell "
            "Valley, and growers say this autumn's harvest could be a third smaller than last "
            "year's.",
            "Temperatures fell to minus four degrees in the early hours of Saturday, according to "
            "the weather station at Hollin Farm, which has kept records since 1962. That is the "
            "lowest reading for late April in more than two decades.",
            "Growers lit paraffin burners and ran sprinklers through the night to protect the "
            "flowers, a technique that coats blossom in a thin shell of ice and keeps it just "
            "above the killing point.",
            "“We had every burner we own going from midnight to six,” said Piet Lodewijk, whose "
            "family has farmed 80 acres near Sallowmere for four generations. “Some rows made it. "
            "The ones at the bottom of the slope did not.”",
            "Cold air collects in the lowest parts of a valley, which is why orchards on the "
            "hillsides usually escape the worst of a spring frost. This year, growers said, even "
            "some higher blocks were hit.",
            "The valley's cider cooperative said it would wait until the fruit has set in June "
            "before estimating how much juice it can press, and that it might buy apples from "
            "outside the region for the first time.",
            "Agricultural advisers urged growers to record the damage with photographs now, as "
            "insurers will ask for evidence collected before the petals fall.",
        ],
        write_to="Write to Ruth Amsel at ruth.amsel@example.com",
        caption="Blossom encased in ice at an orchard near Sallowmere on Saturday.",
    ),
    Story(
        name="bridge_vote",
        title="Council Backs Footbridge Over the River Dunmore After Two-Hour Debate",
        byline="By Colm Reddish",
        date="February 11, 2026",
        body=[
            "Councillors in Leckford voted nine to four on Tuesday night to build a footbridge "
            "across the River Dunmore, reviving a plan that was first proposed in 1998 and "
            "shelved three times since.",
            "The bridge would link the Millrace housing estate with the railway station, cutting "
            "a walk that now takes 25 minutes along the ring road to about six.",
            "Supporters packed the public gallery. Several held placards drawn by children from "
            "Millrace Primary School, which sits on the estate side of the river.",
            "“My daughter walks to the station every morning for college and that road has no "
            "proper pavement for half a mile,” said Aoife Brennan, who spoke during the public "
            "questions. “This is about whether she gets there safely.”",
            "Opponents on the council argued that the cost, estimated at 3.1 million pounds, "
            "would take money from road repairs elsewhere in the district. Councillor Graham "
            "Tulley said the figure was likely to rise once surveys of the riverbank were done.",
            "The council will now apply for a regional transport grant to cover most of the "
            "cost. If it is approved, construction could begin in the spring of 2027.",
        ],
        write_to="Write to Colm Reddish at colm.reddish@example.com",
    ),
    Story(
        name="choir_record",
        title="Village Choir Sets Out to Sing in Every Church in the Diocese",
        byline="By Hanna Lindqvist",
        date="May 30, 2026",
        body=[
            "The 23 members of the Fellbrook Community Choir have set themselves an unusual "
            "target: to sing at least one song in each of the 146 churches of their diocese "
            "before the end of next year.",
            "They began on Sunday at St. Aldric's, a small stone church on the edge of a sheep "
            "field, where the congregation of eleven was outnumbered by the singers.",
            "The idea came from the choir's oldest member, Walter Penrose, who is 91 and has sung "
            "with the group since it was founded in a pub back room in 1979.",
            "“I said it as a joke at the Christmas party,” Mr. Penrose said. “By January they had "
            "a spreadsheet and a map with pins in it. I should have kept quiet.”",
            "The choir is raising money for a hospice in the nearby market town, asking "
            "listeners at each church to donate what they can. After the first weekend the total "
            "stood at 1,870 pounds.",
            "Some of the churches on the list open only a few times a year, so the choir has been "
            "writing to churchwardens to find out when the doors will be unlocked.",
        ],
        write_to="Write to Hanna Lindqvist at hanna.lindqvist@example.com",
        caption="Members of the Fellbrook Community Choir rehearsing in the village hall.",
    ),
    Story(
        name="startup_batteries",
        title="Grennick Start-Up Says Its Salt Battery Survived a Year of Field Tests",
        byline="By Devika Sarang",
        date="October 7, 2026",
        body=[
            "A small energy company based in an old textile mill in Grennick says a battery built "
            "from sodium and iron has run for twelve months at a farm without losing more than "
            "four percent of its capacity.",
            "Saltcell, which employs 34 people, installed the unit beside a barn at Tarrow Hill "
            "Farm last autumn to store electricity from the farm's solar panels for use at night.",
            "The company's chief executive, Yusuf Adeyemi, said the result showed that batteries "
            "made from cheap, common materials could compete with lithium for storage that does "
            "not need to be moved.",
            "“Nobody needs a barn battery to be light,” Mr. Adeyemi said. “They need it to be "
            "cheap, to not catch fire, and to still be working in fifteen years. That is the "
            "whole pitch.”",
            "The figures have not been checked by an independent laboratory. The company said it "
            "had sent a second unit to a university testing centre and expected a report early "
            "next year.",
            "Energy analysts said the claims were plausible but cautioned that many battery "
            "designs perform well in a first year and degrade faster later.",
            "Saltcell is seeking about 12 million pounds from investors to build a production "
            "line in a second mill building next door.",
        ],
        write_to="Write to Devika Sarang at devika.sarang@example.com",
    ),
    Story(
        name="marathon_weather",
        title="Heat Forces Changes to the Harrowgate City Marathon Route",
        byline="By Felix Ambrose",
        date="June 14, 2026",
        body=[
            "Organisers of the Harrowgate City Marathon moved Sunday's start forward by ninety "
            "minutes and added six extra water stations after forecasters predicted temperatures "
            "above 30 degrees.",
            "The race, which usually starts at nine, will now begin at half past seven. Runners "
            "were told by text message on Thursday evening.",
            "The route has also been changed to spend less time on the exposed riverside road, "
            "swapping a four-kilometre stretch for a loop through the shaded Ferncliffe Park.",
            "“We would rather annoy people with an early alarm than put anybody in an "
            "ambulance,” said race director Sofia Marchetti. “The course is still a full "
            "marathon, measured and certified.”",
            "Medical teams will be stationed every three kilometres, and the city has agreed to "
            "open two fire hydrants fitted with spray nozzles near the finish.",
            "About 9,000 runners are registered. Organisers said anyone who no longer wished to "
            "race could defer their place to next year without charge.",
        ],
        write_to="Write to Felix Ambrose at felix.ambrose@example.com",
        caption="Runners at last year's Harrowgate City Marathon crossing the Weir Bridge.",
    ),
    Story(
        name="museum_coins",
        title="Metal Detectorist's Find Goes on Display at the Ashby Museum",
        byline="By Priya Nandakumar",
        date="August 2, 2026",
        body=[
            "A hoard of 312 silver coins found in a ploughed field outside the village of Wren "
            "Hollow went on display at the Ashby Museum on Saturday, two years after a retired "
            "postman first heard his detector beep.",
            "The coins were buried in a clay pot sometime in the twelfth century, according to "
            "the museum's curator, and include pennies struck at eight different mints.",
            "Geoffrey Hale, the detectorist, said he had spent most Sunday afternoons in the "
            "same fields for fifteen years and had found little more than buttons and ring pulls.",
            "“When the first one came up I thought it was a bottle top,” Mr. Hale said. “Then I "
            "rubbed it with my thumb and saw a face.”",
            "Under the rules for treasure finds, the hoard was valued by an independent "
            "committee and the museum raised the money to buy it, with the reward shared between "
            "Mr. Hale and the farmer who owns the land.",
            "The exhibition runs until January. Entry is free, and the museum will hold talks on "
            "medieval money on the first Saturday of each month.",
        ],
        write_to="Write to Priya Nandakumar at priya.nandakumar@example.com",
        caption="Some of the 312 coins from the Wren Hollow hoard. Photo: Ashby Museum",
    ),
    Story(
        name="school_meals",
        title="Tarnside Schools Switch to Locally Grown Vegetables for Lunches",
        byline="By Joanna Whitcombe",
        date="September 9, 2026",
        body=[
            "Every primary school in Tarnside will serve vegetables grown within thirty miles of "
            "the town from this term, under a contract the district signed with a group of "
            "eleven farms.",
            "The district's catering manager, Rhys Pemberton, said the change would cost roughly "
            "the same as the previous supplier once transport was taken into account.",
            "“The carrots used to come from two countries away,” Mr. Pemberton said. “Now I can "
            "drive to the field they came out of. That matters when a parent asks me what their "
            "child is eating.”",
            "The farms have agreed to plan their planting around the school calendar, with more "
            "root vegetables and squash in the autumn term and salad crops before the summer "
            "holidays.",
            "Some parents have raised concerns about variety during the winter months. The "
            "district said menus would be reviewed at the end of each term with a panel that "
            "includes pupils.",
        ],
        write_to="Write to Joanna Whitcombe at j.whitcombe@example.com",
    ),
    Story(
        name="observatory_comet",
        title="Amateur Astronomers at Kestle Observatory Spot a New Comet",
        byline="By Nikolai Verhoef",
        date="November 3, 2026",
        body=[
            "Two volunteers at the Kestle Observatory, a hilltop telescope run by a local "
            "astronomy society, have been credited with the discovery of a faint comet that will "
            "carry their names.",
            "Agnes Morrow, a retired geography teacher, and Bilal Qureshi, a nurse who works "
            "night shifts and observes on his days off, noticed the smudge of light on images "
            "taken in the early hours of October 21.",
            "They compared the images with pictures of the same patch of sky from the night "
            "before and saw that the object had moved against the background stars.",
            "“I assumed it was a smear on the lens,” Ms. Morrow said. “Bilal was the one who "
            "said we should check it properly before we went to bed.”",
            "The discovery was confirmed by two professional observatories within a week. The "
            "comet is not expected to become bright enough to see without a telescope.",
            "The society, which has 140 members, said it hoped the news would bring more young "
            "people to its open evenings, held on the first Friday of each month when skies are "
            "clear.",
        ],
        write_to="Write to Nikolai Verhoef at nikolai.verhoef@example.com",
        caption="The Kestle Observatory dome at dusk.",
    ),
    Story(
        name="bus_timetable",
        title="New Night Bus Route Connects Three Towns in the Pell District",
        byline="By Grace Adebayo",
        date="July 21, 2026",
        body=[
            "A night bus linking Pellham, Coriston and Ware Cross will start running on Friday, "
            "the first late service in the district since the old N7 route was cut in 2014.",
            "Buses will leave every forty minutes between eleven at night and four in the morning "
            "on Fridays and Saturdays, with a flat fare of two pounds.",
            "The route was requested by hospital staff, bar workers and cleaners who finish "
            "shifts after the last regular bus, according to a survey by the district transport "
            "office.",
            "“I've been paying for a taxi home three nights a week,” said Carla Mendes, a porter "
            "at Coriston General Hospital. “That is half a day's wages gone every week just to "
            "get back to my own bed.”",
            "The trial will run for a year. Officials said the service would need about 180 "
            "passengers a night to continue without extra subsidy.",
        ],
        write_to="Write to Grace Adebayo at grace.adebayo@example.com",
    ),
    Story(
        name="bakery_prize",
        title="Small Bakery Wins National Bread Award With Rye Loaf",
        byline="By Samuel Okafor",
        date="March 27, 2026",
        body=[
            "A two-person bakery in a converted garage in the town of Moorhaven has won the "
            "top prize at the National Bread Awards for a dark rye loaf made with a sourdough "
            "starter that is older than its bakers.",
            "Elin and Jonas Vestergaard opened Garage Bakery in 2023 after moving from the city. "
            "The starter was given to them by Elin's grandmother, who kept it alive in her "
            "kitchen for more than forty years.",
            "The judges described the winning loaf as deep, sour and perfectly even, and praised "
            "its crust for staying crisp two days after baking.",
            "“We bake forty loaves a day and we sell out by eleven,” Jonas Vestergaard said. "
            "“Now we have a queue round the corner at seven in the morning. We will need a "
            "bigger garage.”",
            "The couple said they would not raise their prices, but might add a second bake on "
            "Saturdays to keep up with demand.",
        ],
        write_to="Write to Samuel Okafor at samuel.okafor@example.com",
        caption="Elin and Jonas Vestergaard with the winning rye loaf.",
    ),
    Story(
        name="wildlife_otters",
        title="Otters Return to the Upper Lyne After a Forty-Year Absence",
        byline="By Isla Fenwick",
        date="December 1, 2026",
        body=[
            "Otters are breeding again on the upper reaches of the River Lyne for the first time "
            "since the 1980s, according to a survey by volunteers from the Lyne Rivers Trust.",
            "Camera traps set along a six-mile stretch recorded a female with two cubs in "
            "September, and droppings and footprints were found at fourteen of twenty survey "
            "points.",
            "The trust credits the recovery to a long clean-up of the river, including the "
            "closure of a tannery outfall in 1996 and the planting of willow along eroded banks.",
            "“It has taken a generation of people picking up litter and counting insects in "
            "buckets,” said the trust's ecologist, Dr. Mirela Costa. “The otters are the reward "
            "for all the boring work.”",
            "The trust asked walkers to keep dogs on leads near the river in the spring, when the "
            "cubs are most at risk, and not to share the exact locations of holts online.",
        ],
        write_to="Write to Isla Fenwick at isla.fenwick@example.com",
    ),
    Story(
        name="chess_club",
        title="Prison Chess Club Beats Local Grammar School in Online Match",
        byline="By Arjun Mehta",
        date="February 25, 2026",
        body=[
            "A chess club at HMP Castlegate beat the team from Redmoor Grammar School by five "
            "games to three in an online match on Wednesday, the first contest of its kind "
            "approved by the prison service in the region.",
            "The games were played on laptops supervised by staff, with the players identified "
            "only by their first names and board numbers.",
            "The club was started two years ago by a prison officer, Dennis Achterberg, who "
            "learned the game from his father and brought in a box of donated sets.",
            "“Some of these men had never sat still for an hour before,” Mr. Achterberg said. "
            "“Now they argue about openings at dinner.”",
            "The school's captain, a sixteen-year-old named Leo, said his team had underestimated "
            "their opponents. “We lost on boards one and two inside thirty moves,” he said. "
            "“They were better than us and they were nice about it.”",
            "A return match is planned for the summer.",
        ],
        write_to="Write to Arjun Mehta at arjun.mehta@example.com",
    ),
    Story(
        name="flood_defences",
        title="Work Begins on Flood Wall to Protect Lower Brisby",
        byline="By Catriona Doyle",
        date="October 28, 2026",
        body=[
            "Contractors began driving steel piles into the banks of the River Skell in Lower "
            "Brisby on Monday, the start of a flood wall that residents have demanded since the "
            "town flooded twice in one winter in 2020.",
            "The wall will run for 1.4 kilometres along the western bank and include three "
            "floodgates that can be closed when the river rises.",
            "Homeowners on Skell Street, where water reached the ceilings of ground-floor rooms, "
            "watched from behind the fences as the first piles went in.",
            "“Every time it rains hard I still get up in the night and look out of the window,” "
            "said Margaret Olusanya, who lived upstairs for eight months after the second "
            "flood. “Maybe after this I'll sleep.”",
            "The project is expected to take eighteen months and cost 14 million pounds, most of "
            "it from a national flood defence fund.",
            "Part of the riverside path will be closed during the work. A diversion through "
            "Brisby Park has been signposted.",
        ],
        write_to="Write to Catriona Doyle at catriona.doyle@example.com",
        caption="Contractors at work on the banks of the River Skell on Monday.",
    ),
    Story(
        name="theatre_reopens",
        title="The Alcott Theatre Reopens With a Play Written by Its Ushers",
        byline="By Benedikt Sauer",
        date="September 30, 2026",
        body=[
            "The Alcott Theatre in Dunmere reopened on Friday after a four-year restoration, and "
            "the first play on its stage was written by the people who show audiences to their "
            "seats.",
            "The comedy, titled Row F, follows a night in the life of a theatre where everything "
            "goes wrong in the audience while the play on stage runs perfectly.",
            "Its five authors have worked as ushers at the Alcott for between six and thirty "
            "years. They wrote the script in a series of Sunday meetings in the theatre café "
            "while the building was closed.",
            "“We have seen everything from the back of the stalls,” said Norah Quigley, the "
            "longest-serving of the five. “Proposals, fights, a man who brought a parrot. We just "
            "wrote it down.”",
            "The restoration repaired the Victorian plasterwork, replaced all 640 seats and "
            "added a lift to the upper circle for the first time.",
            "Row F runs until October 24. Tickets for the opening week sold out within a day.",
        ],
        write_to="Write to Benedikt Sauer at benedikt.sauer@example.com",
    ),
]
