//! The keys in words: the word in a screen's key legend and the sentence in the help, for
//! each action in each context of the key table (`tui::keymap`), in Dutch and English.
use crate::text::Lang;
use crate::tui::action::Action;
use crate::tui::keymap::Ctx;

/// What a key does, in words: the legend's word and the help's sentence.
pub struct Said {
    pub short: &'static str,
    pub long: &'static str,
}

/// The words for `action` in `ctx`; `None` for a pair the key table does not bind (a test
/// holds every binding to having words).
pub fn said(ctx: Ctx, action: Action, lang: Lang) -> Option<Said> {
    use Action as A;
    use Ctx::{Dialog, Lines, Nav, Typing};
    let (short, long) = match (ctx, action) {
        (Nav, A::Up) => (
            ["omhoog", "up"],
            ["Vorige optie of regel", "Previous option or line"],
        ),
        (Nav, A::Down) => (
            ["omlaag", "down"],
            ["Volgende optie of regel", "Next option or line"],
        ),
        (Nav, A::Left) => (
            ["vorige keuze", "previous choice"],
            [
                "Vorige keuze (besluit, formaat)",
                "Previous choice (decision, format)",
            ],
        ),
        (Nav, A::Right) => (
            ["volgende keuze", "next choice"],
            [
                "Volgende keuze (besluit, formaat)",
                "Next choice (decision, format)",
            ],
        ),
        (Nav, A::PageUp) => (
            ["omhoog scrollen", "scroll up"],
            [
                "Een pagina terug (uitleg, advies, document, hulp)",
                "A page up (explanation, advice, document, help)",
            ],
        ),
        (Nav, A::PageDown) => (
            ["scrollen", "scroll"],
            [
                "Een pagina verder (uitleg, advies, document, hulp)",
                "A page down (explanation, advice, document, help)",
            ],
        ),
        (Nav, A::Top) => (
            ["begin", "top"],
            ["Naar het begin van de lijst", "To the top of the list"],
        ),
        (Nav, A::Bottom) => (
            ["einde", "bottom"],
            ["Naar het einde van de lijst", "To the end of the list"],
        ),
        (Nav, A::Select) => (
            ["kiezen", "choose"],
            ["Kiezen, bevestigen of openen", "Choose, confirm or open"],
        ),
        (Nav, A::Toggle) => (
            ["aan/uit", "check"],
            [
                "Vakje aan- of uitvinken; uitklappen",
                "Check or uncheck a box; expand",
            ],
        ),
        (Nav, A::NextPanel) => (
            ["paneel", "panel"],
            [
                "Naar het volgende paneel of veld; op het startscherm: het archief tonen of verbergen",
                "To the next panel or field; on the start screen: show or hide the archive",
            ],
        ),
        (Nav, A::PrevPanel) => (
            ["vorig paneel", "prev. panel"],
            [
                "Naar het vorige paneel of veld",
                "To the previous panel or field",
            ],
        ),
        (Nav, A::Explain) => (
            ["uitleg", "explain"],
            [
                "Uitleg en redenering tonen of verbergen",
                "Show or hide the explanation and reasoning",
            ],
        ),
        (Nav, A::Help) => (
            ["hulp", "help"],
            ["Deze hulp: alle toetsen", "This help: all keys"],
        ),
        (Nav, A::Back) => (
            ["terug", "back"],
            [
                "Terug naar de vorige vraag of het vorige scherm",
                "Back to the previous question or screen",
            ],
        ),
        (Nav, A::Forward) => (
            ["verder", "forward"],
            [
                "Verder naar de volgende vraag (antwoord blijft)",
                "On to the next question (answer kept)",
            ],
        ),
        (Nav, A::Edit) => (
            ["wijzig", "edit"],
            [
                "Een eerder antwoord wijzigen; een verslag verder bewerken",
                "Change an earlier answer; continue a record",
            ],
        ),
        (Nav, A::Note) => (
            ["notitie", "note"],
            [
                "Notitie bij deze vraag (of de hele sessie)",
                "Note on this question (or the whole session)",
            ],
        ),
        (Nav, A::SignOff) => (
            ["aftekenen (FG)", "sign off (DPO)"],
            [
                "Aftekenen door de FG; daarna staat het verslag vast",
                "Sign-off by the DPO (FG); the record is then frozen",
            ],
        ),
        (Nav, A::Plan) => (
            ["actieplan", "action plan"],
            [
                "De gekozen actie in het actieplan bijwerken: eigenaar, datum, status, notitie; op het startscherm: een concept archiveren, of uit het archief terugzetten",
                "Update the chosen action in the action plan: owner, due date, status, note; on the start screen: archive a draft, or restore one from the archive",
            ],
        ),
        (Nav, A::Profile) => (
            ["profiel", "profile"],
            [
                "Het bibliotheekprofiel bekijken of wijzigen (startscherm)",
                "View or change the library profile (start screen)",
            ],
        ),
        (Nav, A::Filter) => (
            ["zoeken", "filter"],
            [
                "De verslagen filteren op campagne, id, oordeel of wie aftekende; Enter houdt het filter, Esc wist het (startscherm)",
                "Filter the records by campaign, id, verdict or who signed; Enter keeps the filter, Esc clears it (start screen)",
            ],
        ),
        (Nav, A::Unfold) => (
            ["revisies", "revisions"],
            [
                "De oudere revisies van een campagne tonen (ook →) (startscherm)",
                "Show a campaign's older revisions (also →) (start screen)",
            ],
        ),
        (Nav, A::Fold) => (
            ["inklappen", "fold"],
            [
                "De oudere revisies weer verbergen (ook ←) (startscherm)",
                "Hide the older revisions again (also ←) (start screen)",
            ],
        ),
        (Nav, A::Archive) => (
            ["archiveren", "archive"],
            [
                "Een concept archiveren of terugzetten; een afgetekend verslag nooit",
                "Archive or restore a draft; never a signed-off record",
            ],
        ),
        (Nav, A::ShowArchive) => (
            ["archief", "archive"],
            [
                "Het archief tonen, of terug naar de verslagen",
                "Show the archive, or back to the records",
            ],
        ),
        (Nav, A::Register) => (
            ["register", "register"],
            [
                "Het verwerkingsregister over alle verslagen schrijven: xlsx, csv of Markdown (startscherm)",
                "Write the processing register over all records: xlsx, csv or Markdown (start screen)",
            ],
        ),
        (Nav, A::Mark) => (
            ["markeren", "mark"],
            [
                "Het verslag onder de cursor markeren als A van een vergelijking (startscherm)",
                "Mark the record under the cursor as A of a comparison (start screen)",
            ],
        ),
        (Nav, A::Compare) => (
            ["vergelijken", "compare"],
            [
                "Het gemarkeerde verslag (A) vergelijken met dat onder de cursor (B) (startscherm)",
                "Compare the marked record (A) with the one under the cursor (B) (start screen)",
            ],
        ),
        (Nav, A::Previous) => (
            ["vorige revisie", "prev. revision"],
            [
                "Het verslag vergelijken met zijn vorige revisie (startscherm, adviesscherm)",
                "Compare the record with its previous revision (start screen, advice screen)",
            ],
        ),
        (Nav, A::Documents) => (
            ["documenten", "documents"],
            [
                "Documenten die het advies vraagt (privacyparagraaf, toestemmingsvraag…): lezen en exporteren (adviesscherm)",
                "Documents the advice calls for (privacy paragraph, consent request…): read and export them (advice screen)",
            ],
        ),
        (Nav, A::Export) => (
            ["exporteren", "export"],
            [
                "Exporteren: Markdown, HTML, JSON of CSV (een document: Markdown, HTML of tekst; een vergelijking: Markdown of HTML)",
                "Export: Markdown, HTML, JSON or CSV (a document: Markdown, HTML or text; a comparison: Markdown or HTML)",
            ],
        ),
        (Nav, A::Leave) => (
            ["verlaten", "leave"],
            [
                "Dit scherm verlaten (alles is al bewaard)",
                "Leave this screen (everything is already saved)",
            ],
        ),
        (Nav, A::Exit) => (
            ["stoppen", "quit"],
            [
                "Programma direct afsluiten (alles is al bewaard)",
                "Quit at once (everything is already saved)",
            ],
        ),
        (Typing, A::Select) => (
            ["bewaren", "save"],
            [
                "Tekst bewaren (of naar het volgende veld)",
                "Save the text (or go to the next field)",
            ],
        ),
        (Typing, A::NextPanel) => (
            ["volgend veld", "next field"],
            [
                "Naar het volgende veld of paneel",
                "To the next field or panel",
            ],
        ),
        (Typing, A::PrevPanel) => (
            ["vorig veld", "prev. field"],
            [
                "Naar het vorige veld of paneel",
                "To the previous field or panel",
            ],
        ),
        (Typing | Lines, A::Left) => (["←", "←"], ["Cursor naar links", "Cursor left"]),
        (Typing | Lines, A::Right) => (["→", "→"], ["Cursor naar rechts", "Cursor right"]),
        (Typing, A::Top) => (
            ["begin", "start"],
            ["Cursor naar het begin", "Cursor to the start"],
        ),
        (Typing, A::Bottom) => (
            ["einde", "end"],
            ["Cursor naar het einde", "Cursor to the end"],
        ),
        (Typing | Lines, A::Erase) => (
            ["wissen", "erase"],
            [
                "Teken voor de cursor wissen",
                "Erase the character before the cursor",
            ],
        ),
        (Typing | Lines, A::EraseForward) => (
            ["Del", "Del"],
            [
                "Teken onder de cursor wissen",
                "Erase the character under the cursor",
            ],
        ),
        (Typing, A::Clear) => (
            ["veld leeg", "clear"],
            ["Het hele veld leegmaken", "Clear the whole field"],
        ),
        (Typing, A::Choose) => (
            ["deelnemer kiezen", "choose participant"],
            [
                "De volgende deelnemer van het verslag invullen (eigenaar in het actieplan)",
                "Fill in the record's next participant (owner in the action plan)",
            ],
        ),
        (Typing, A::NewLine) => (
            ["nieuwe regel", "new line"],
            [
                "Nieuwe regel, in een veld dat meer regels mag hebben",
                "New line, in a field that may hold several lines",
            ],
        ),
        (Typing, A::Leave) => (
            ["annuleren", "cancel"],
            [
                "Annuleren of dit scherm verlaten",
                "Cancel or leave this screen",
            ],
        ),
        (Typing | Lines | Dialog, A::Exit) => (
            ["stoppen", "quit"],
            ["Programma direct afsluiten", "Quit at once"],
        ),
        (Nav | Typing | Lines, A::Theme) => (
            ["contrast", "contrast"],
            [
                "Hoog contrast aan of uit: zwart op wit, vet, goed leesbaar op een projector (ook --theme contrast)",
                "High contrast on or off: black on white, bold, readable on a projector (also --theme contrast)",
            ],
        ),
        (Nav, A::EditCampaign) => (
            ["campagne", "campaign"],
            [
                "Naam, omschrijving en deelnemers van de campagne wijzigen",
                "Change the campaign's name, description and participants",
            ],
        ),
        (Typing, A::AddRow) => (
            ["deelnemer erbij", "add participant"],
            [
                "Een deelnemer toevoegen (in het formulier van de campagne)",
                "Add a participant (in the campaign's form)",
            ],
        ),
        (Typing, A::RemoveRow) => (
            ["deelnemer weg", "remove participant"],
            [
                "De deelnemer onder de cursor weghalen (in het formulier van de campagne)",
                "Remove the participant under the cursor (in the campaign's form)",
            ],
        ),
        (Lines, A::Select) => (["bewaren", "save"], ["De tekst bewaren", "Save the text"]),
        (Lines, A::NewLine) => (
            ["nieuwe regel", "new line"],
            ["Een nieuwe regel beginnen", "Start a new line"],
        ),
        (Lines, A::Up) => (
            ["regel omhoog", "line up"],
            ["Cursor een regel omhoog", "Cursor one line up"],
        ),
        (Lines, A::Down) => (
            ["regel omlaag", "line down"],
            ["Cursor een regel omlaag", "Cursor one line down"],
        ),
        (Lines, A::Top) => (
            ["begin", "start"],
            [
                "Cursor naar het begin van de tekst",
                "Cursor to the start of the text",
            ],
        ),
        (Lines, A::Bottom) => (
            ["einde", "end"],
            [
                "Cursor naar het einde van de tekst",
                "Cursor to the end of the text",
            ],
        ),
        (Lines, A::Clear) => (
            ["alles leeg", "clear"],
            ["De hele tekst leegmaken", "Clear the whole text"],
        ),
        (Lines, A::Leave) => (
            ["annuleren", "cancel"],
            ["Annuleren zonder te bewaren", "Cancel without saving"],
        ),
        (Dialog, A::Yes) => (["ja", "yes"], ["Ja", "Yes"]),
        (Dialog, A::No) => (["nee", "no"], ["Nee", "No"]),
        _ => return None,
    };
    let i = usize::from(lang == Lang::En);
    Some(Said {
        short: short[i],
        long: long[i],
    })
}

/// A key's name where it is a word: the space bar.
pub fn space(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Spatie",
        Lang::En => "Space",
    }
}
