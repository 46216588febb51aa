namespace Classroom.Contracts.Errors;

/// <summary>The refusal codes of a lesson's content: the board, slides, the teacher's broadcast and micro-lessons.</summary>
public static partial class Refusals
{
    /// <summary>There is no page '{0}' on the board.</summary>
    public const string BoardPageNotFound = "board.page-not-found";
    /// <summary>The board holds at most {0} pages.</summary>
    public const string BoardTooManyPages = "board.too-many-pages";
    /// <summary>A page holds at most {0} strokes: clear it or add a page.</summary>
    public const string BoardPageFull = "board.page-full";
    /// <summary>Only the teacher, assistants and students handed the pen may draw on the board.</summary>
    public const string BoardPenRequired = "board.pen-required";
    /// <summary>A stroke id has 1 to 32 letters, digits, '-' or '_'.</summary>
    public const string BoardStrokeId = "board.stroke-id";
    /// <summary>Stroke id '{0}' is already used on this board.</summary>
    public const string BoardStrokeTaken = "board.stroke-taken";
    /// <summary>You have no unfinished stroke '{0}' on the board.</summary>
    public const string BoardStrokeNotFound = "board.stroke-not-found";
    /// <summary>Points come as x, y pairs from 0 to {0}, at most {1} points at a time.</summary>
    public const string BoardPoints = "board.points";
    /// <summary>A stroke has at most {0} points: lift the pen and go on with a new one.</summary>
    public const string BoardStrokeTooLong = "board.stroke-too-long";
    /// <summary>Pens and highlighters draw strokes point by point; lines, rectangles, ellipses, arrows and text are drawn whole.</summary>
    public const string BoardToolMismatch = "board.tool-mismatch";
    /// <summary>A colour is written #rrggbb.</summary>
    public const string BoardColor = "board.color";
    /// <summary>A line is {0} to {1} units wide.</summary>
    public const string BoardWidth = "board.width";
    /// <summary>A line, rectangle, ellipse or arrow takes two points; a text takes one.</summary>
    public const string BoardShapePoints = "board.shape-points";
    /// <summary>A text on the board has 1 to {0} characters.</summary>
    public const string BoardTextLength = "board.text-length";
    /// <summary>At most {0} strokes can be erased at once.</summary>
    public const string BoardEraseTooMany = "board.erase-too-many";
    /// <summary>Students with the pen may erase only their own strokes.</summary>
    public const string BoardEraseOwnOnly = "board.erase-own-only";
    /// <summary>This slide deck is already on the board.</summary>
    public const string BoardDeckAlreadyAdded = "board.deck-already-added";
    /// <summary>A slide deck needs an id, a name and 1 to {0} pages.</summary>
    public const string BoardDeckInvalid = "board.deck-invalid";
    /// <summary>No PDF was sent: the request has no file in it.</summary>
    public const string SlidesEmpty = "slides.empty";
    /// <summary>A slide deck is at most {0} MB.</summary>
    public const string SlidesTooLarge = "slides.too-large";
    /// <summary>Only PDF files can be uploaded as slides.</summary>
    public const string SlidesNotPdf = "slides.not-pdf";
    /// <summary>The PDF could not be read: the file is damaged, cut short or not really a PDF.</summary>
    public const string SlidesUnreadable = "slides.unreadable";
    /// <summary>The PDF is encrypted or protected by a password: save it without protection and upload it again.</summary>
    public const string SlidesEncrypted = "slides.encrypted";
    /// <summary>A slide deck has at most {0} pages; this one has {1}.</summary>
    public const string SlidesTooManyPages = "slides.too-many-pages";
    /// <summary>The board has room for {0} more pages; this deck has {1}.</summary>
    public const string SlidesBoardFull = "slides.board-full";
    /// <summary>Page {0} is {1} × {2} points; a slide may be at most {3} points on a side.</summary>
    public const string SlidesPageSize = "slides.page-size";
    /// <summary>The PDF's pages carry scripts, actions or embedded files, which slides may not: export it again as a plain PDF.</summary>
    public const string SlidesActiveContent = "slides.active-content";
    /// <summary>The PDF took too long or too much memory to check: simplify it or split it into smaller files.</summary>
    public const string SlidesTooComplex = "slides.too-complex";
    /// <summary>No slide deck '{0}'.</summary>
    public const string SlidesNotFound = "slides.not-found";
    /// <summary>Slide deck '{0}' is already stored; a deck cannot be replaced.</summary>
    public const string SlidesAlreadyStored = "slides.already-stored";
    /// <summary>Too many slide uploads: try again in {0} seconds.</summary>
    public const string SlidesRateLimit = "slides.rate-limit";
    /// <summary>There is no micro-lesson '{0}'.</summary>
    public const string MicroNotFound = "micro.not-found";
    /// <summary>Only teachers cut micro-lessons.</summary>
    public const string MicroTeachersOnly = "micro.teachers-only";
    /// <summary>A teacher cuts micro-lessons from their own lessons only.</summary>
    public const string MicroOwnLessonsOnly = "micro.own-lessons-only";
    /// <summary>A micro-lesson is cut from a recorded lesson: this lesson has not ended yet.</summary>
    public const string MicroLessonNotEnded = "micro.lesson-not-ended";
    /// <summary>A micro-lesson lasts {0} seconds to {1} minutes, within the recording (0 to {2} seconds).</summary>
    public const string MicroRange = "micro.range";
    /// <summary>This micro-lesson has already been made.</summary>
    public const string MicroAlreadyMade = "micro.already-made";
    /// <summary>Only its teacher or an administrator may delete a micro-lesson.</summary>
    public const string MicroDeleteNotAllowed = "micro.delete-not-allowed";
    /// <summary>A micro-lesson id is 'ml-' and 16 hexadecimal digits.</summary>
    public const string MicroId = "micro.id";
    /// <summary>No media segment was sent: the request has no body.</summary>
    public const string MediaSegmentEmpty = "media.segment-empty";
    /// <summary>A media segment is at most {0} MB.</summary>
    public const string MediaSegmentTooLarge = "media.segment-too-large";
    /// <summary>A media segment must be a WebM file.</summary>
    public const string MediaNotWebm = "media.not-webm";
    /// <summary>The media segment could not be read: it is damaged, cut short or not laid out as a WebM file is.</summary>
    public const string MediaMalformed = "media.malformed";
    /// <summary>Only VP8 or VP9 video and Opus sound are accepted, one track of each at most.</summary>
    public const string MediaUnsupportedCodec = "media.unsupported-codec";
    /// <summary>A media segment must begin with a keyframe: record each segment with a recorder of its own.</summary>
    public const string MediaNoKeyframe = "media.no-keyframe";
    /// <summary>A media segment lasts {0} to {1} ms and starts 0 ms or more into its broadcast.</summary>
    public const string MediaDurationRange = "media.duration-range";
    /// <summary>A picture is {0} to {1} pixels on a side.</summary>
    public const string MediaPictureSize = "media.picture-size";
    /// <summary>Nothing is being broadcast: go live first.</summary>
    public const string MediaNotBroadcasting = "media.not-broadcasting";
    /// <summary>Segment {0} was already sent with other content.</summary>
    public const string MediaNumberUsed = "media.number-used";
    /// <summary>Segment numbers only grow: the next is {0} to {1}.</summary>
    public const string MediaNumberOrder = "media.number-order";
    /// <summary>No media segment '{0}'.</summary>
    public const string MediaSegmentNotFound = "media.segment-not-found";
    /// <summary>Too many media uploads: try again in {0} seconds.</summary>
    public const string MediaRateLimit = "media.rate-limit";
    /// <summary>The picture comes from the camera or a shared screen.</summary>
    public const string MediaSourceUnknown = "media.source";
    /// <summary>A delay is 0 to {0} seconds.</summary>
    public const string MediaLagRange = "media.lag-range";
    /// <summary>The board holds at most {0} points in all: clear a page to go on.</summary>
    public const string BoardFull = "board.full";
    /// <summary>A student with the pen writes at most {0} points on the board: erase some of yours to go on.</summary>
    public const string BoardPenBudget = "board.pen-budget";
    /// <summary>Someone else on the lesson's staff is broadcasting: only they send its picture and sound.</summary>
    public const string MediaNotYourBroadcast = "media.not-your-broadcast";
}
