/**
 * The accessibility statement's texts (tillgänglighetsredogörelse), registered with the Swedish and English dictionaries
 * (app.messages.ts). Keys start with 'a11y.'. The structure follows DIGG's model statement: commitment, compliance status,
 * known non-compliant content, how to report problems, the enforcement procedure, how the service was assessed, dates.
 * `{organization}` is the deploying organisation (statement-config.ts) or a neutral wording.
 */
export const a11ySv = {
  'a11y.title': 'Tillgänglighetsredogörelse',
  'a11y.heading': 'Tillgänglighetsredogörelse för Samverka',
  'a11y.back': 'Till Samverka',
  'a11y.organization.neutral': 'Den kommun eller organisation som driver den här tjänsten',
  'a11y.organization.neutralLower': 'den kommun eller organisation som driver den här tjänsten',

  'a11y.intro':
    '{organization} står bakom den här tjänsten, Samverka. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Samverka uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem.',
  'a11y.deployment':
    'Samverka är fri programvara som varje kommun installerar och driver själv. Den här redogörelsen gäller programvaran som den levereras; den som driver tjänsten ansvarar för sin installation och kan komplettera redogörelsen.',

  'a11y.status.heading': 'Hur tillgänglig är tjänsten?',
  'a11y.status.text': 'Vi vet att delar av tjänsten inte är helt tillgängliga. Se avsnittet om innehåll som inte är tillgängligt nedan.',
  'a11y.status.works':
    'Tjänsten är byggd för att gå att använda med enbart tangentbord och med skärmläsare, med synligt fokus, förstorad och på mobilskärmar. Hela gränssnittet finns på svenska och engelska.',

  'a11y.help.heading': 'Vad kan du göra om du inte kan använda delar av tjänsten?',
  'a11y.help.text':
    'Om du behöver innehåll från Samverka i ett mer tillgängligt format, till exempel en handlingsplan eller ett protokoll som inte går att läsa som PDF, kan du kontakta oss. Samma uppgifter finns också på mötets och ärendets sidor i tjänsten.',

  'a11y.report.heading': 'Rapportera brister i tjänstens tillgänglighet',
  'a11y.report.text':
    'Vi strävar hela tiden efter att förbättra tjänstens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.',
  'a11y.report.contactNeutral':
    'Kontakta den som administrerar Samverka i din organisation (till exempel kommunens trygghetssamordnare) eller kommunens växel eller registratur.',
  'a11y.report.email': 'E-post',
  'a11y.report.phone': 'Telefon',
  'a11y.report.source': 'Brister i själva programvaran kan också rapporteras till Samverkas utvecklare via projektets ärendelista.',

  'a11y.enforcement.heading': 'Tillsyn',
  'a11y.enforcement.text':
    'Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn av lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Myndigheten för digital förvaltning och påtala det.',
  'a11y.enforcement.link': 'Anmäl bristande tillgänglighet till DIGG',

  'a11y.technical.heading': 'Teknisk information om tjänstens tillgänglighet',
  'a11y.technical.text':
    'Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Målet är nivå AA i Web Content Accessibility Guidelines (WCAG) 2.1, den nivå som lagen kräver genom standarden EN 301 549.',

  'a11y.nonCompliant.heading': 'Innehåll som inte är tillgängligt',
  'a11y.nonCompliant.intro': 'Innehållet nedan är på olika sätt inte helt tillgängligt.',
  'a11y.nonCompliant.lawHeading': 'Bristande förenlighet med lagkraven',
  'a11y.nonCompliant.pdf':
    'PDF-dokumenten som Samverka skapar (den gemensamma handlingsplanen och mötesprotokollet) anger sitt språk och sin titel men är inte taggade. Skärmläsare kan därför inte säkert läsa ut rubriker, tabeller och läsordning (WCAG 1.3.1 Information och relationer, 1.3.2 Meningsfull ordningsföljd). Samma uppgifter finns på mötets sida och på ärendenas sidor i tjänsten. Vi planerar att skapa taggade PDF-dokument.',
  'a11y.nonCompliant.mapTiles':
    'Kartan i lägesbilden visar en bakgrundskarta med bildrutor från en extern karttjänst (som standard OpenStreetMap). Bildrutorna har ingen textalternativ och vi kan inte styra deras kontrast (WCAG 1.1.1 Icke-textuellt innehåll, 1.4.11 Kontrast för icke-textuellt innehåll). Kartans markeringar är knappar som går att nå med tangentbord och har en textbeskrivning, och tabellen ”Per plats” innehåller samma siffror.',
  'a11y.nonCompliant.csv':
    'Importen och exporten av händelser använder CSV-filer. Filerna är data för kalkylprogram och omfattas inte av kraven för webbinnehåll, men de behöver öppnas i ett eget program.',

  'a11y.assessment.heading': 'Hur vi testat tjänsten',
  'a11y.assessment.text':
    'Vi har gjort en självskattning (intern testning) av Samverka. Varje version testas automatiskt: verktyget axe-core granskar alla sidor i tjänsten mot WCAG 2.1 nivå A och AA, inloggad i varje roll, på svenska och engelska, på datorskärm och mobilskärm, med dialogrutorna öppna. Tangentbordstester lämnar en rapport och protokollför ett mötesbeslut med enbart tangentbordet och kontrollerar att fokus syns. Automatiska tester hittar inte alla brister, och ingen extern granskning eller test med användare av hjälpmedel har gjorts ännu.',
  'a11y.assessment.date': 'Senaste bedömningen gjordes den {date}.',

  'a11y.dates.heading': 'Om redogörelsen',
  'a11y.dates.statement': 'Redogörelsen upprättades den {date}.',
  'a11y.dates.updated': 'Redogörelsen uppdaterades senast den {date}.',
};

export const a11yEn: Record<keyof typeof a11ySv, string> = {
  'a11y.title': 'Accessibility statement',
  'a11y.heading': 'Accessibility statement for Samverka',
  'a11y.back': 'To Samverka',
  'a11y.organization.neutral': 'The municipality or organisation that runs this service',
  'a11y.organization.neutralLower': 'the municipality or organisation that runs this service',

  'a11y.intro':
    '{organization} is responsible for this service, Samverka. We want as many people as possible to be able to use it. This statement describes how Samverka complies with the Swedish Act on accessibility to digital public services (2018:1937), the known accessibility problems and how you can report problems to us so that we can fix them.',
  'a11y.deployment':
    'Samverka is open-source software that each municipality installs and runs itself. This statement covers the software as it is delivered; whoever runs the service is responsible for their installation and may add to the statement.',

  'a11y.status.heading': 'How accessible is the service?',
  'a11y.status.text': 'We know that parts of the service are not fully accessible. See the section on non-accessible content below.',
  'a11y.status.works':
    'The service is built to be used with the keyboard alone and with screen readers, with a visible focus, zoomed and on phone screens. The whole interface is available in Swedish and English.',

  'a11y.help.heading': 'What can you do if you cannot use parts of the service?',
  'a11y.help.text':
    'If you need content from Samverka in a more accessible format, for example an action plan or minutes that you cannot read as a PDF, please contact us. The same information is also on the meeting’s and the case’s pages in the service.',

  'a11y.report.heading': 'Reporting accessibility problems',
  'a11y.report.text':
    'We are always working to improve the accessibility of the service. If you find problems that are not described on this page, or think that we do not meet the requirements of the law, please tell us so that we know about the problem.',
  'a11y.report.contactNeutral':
    'Contact whoever administers Samverka in your organisation (for example the municipality’s safety coordinator), or the municipality’s switchboard or registry.',
  'a11y.report.email': 'E-mail',
  'a11y.report.phone': 'Phone',
  'a11y.report.source': 'Problems in the software itself can also be reported to Samverka’s developers through the project’s issue tracker.',

  'a11y.enforcement.heading': 'Enforcement procedure',
  'a11y.enforcement.text':
    'The Agency for Digital Government (Myndigheten för digital förvaltning, DIGG) is responsible for enforcing the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact the Agency for Digital Government and report it.',
  'a11y.enforcement.link': 'Report inaccessibility to DIGG (in Swedish)',

  'a11y.technical.heading': 'Technical information about the accessibility of the service',
  'a11y.technical.text':
    'The service is partially compliant with the Act on accessibility to digital public services, due to the problems described below. The target is level AA of the Web Content Accessibility Guidelines (WCAG) 2.1, the level the law requires through the standard EN 301 549.',

  'a11y.nonCompliant.heading': 'Non-accessible content',
  'a11y.nonCompliant.intro': 'The content described below is not fully accessible.',
  'a11y.nonCompliant.lawHeading': 'Non-compliance with the accessibility regulations',
  'a11y.nonCompliant.pdf':
    'The PDF documents Samverka creates (the joint action plan and the meeting minutes) declare their language and title but are not tagged. Screen readers therefore cannot reliably read out headings, tables and reading order (WCAG 1.3.1 Info and Relationships, 1.3.2 Meaningful Sequence). The same information is on the meeting’s page and on the cases’ pages in the service. We plan to create tagged PDF documents.',
  'a11y.nonCompliant.mapTiles':
    'The map of the situational picture shows a background map made of image tiles from an external map service (OpenStreetMap by default). The tiles have no text alternative and we cannot control their contrast (WCAG 1.1.1 Non-text Content, 1.4.11 Non-text Contrast). The map’s markers are keyboard-reachable buttons with a text description, and the table “By place” holds the same figures.',
  'a11y.nonCompliant.csv':
    'Importing and exporting incidents uses CSV files. The files are data for spreadsheet programs and not covered by the requirements for web content, but they have to be opened in a program of their own.',

  'a11y.assessment.heading': 'How we tested the service',
  'a11y.assessment.text':
    'We have carried out a self-assessment (internal testing) of Samverka. Every version is tested automatically: the axe-core tool checks every page of the service against WCAG 2.1 level A and AA, signed in as each role, in Swedish and English, on desktop and phone screens, with the dialogs open. Keyboard tests file a report and record a meeting decision with the keyboard alone and check that the focus is visible. Automated tests do not find every problem, and no external audit or testing with users of assistive technology has been done yet.',
  'a11y.assessment.date': 'The latest assessment was made on {date}.',

  'a11y.dates.heading': 'About this statement',
  'a11y.dates.statement': 'This statement was prepared on {date}.',
  'a11y.dates.updated': 'It was last updated on {date}.',
};

declare module '../core/i18n/messages' {
  /** This feature's keys, registered in app.config with `provideMessages`. */
  interface FeatureMessages extends Record<keyof typeof a11ySv, string> {}
}
