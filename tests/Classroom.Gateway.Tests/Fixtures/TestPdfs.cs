using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>PDFs for the slide tests: real ones written by PdfPig's builder, and hand-written ones for what no writer makes.</summary>
public static class TestPdfs
{
    /// <summary>A PDF of <paramref name="pages"/> A4 pages, each saying "Slide N".</summary>
    public static byte[] Slides(int pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 1; i <= pages; i++)
        {
            builder.AddPage(PageSize.A4).AddText($"Slide {i}", 24, new PdfPoint(72, 700), font);
        }

        return builder.Build();
    }

    /// <summary>
    /// One page saying "Hello" in a document that carries everything a slide may not: a script run on opening, a
    /// document-level script, an attached executable, an XFA form, a close action, and on the page a link that launches
    /// a program. All of it is document-level or an annotation; with <paramref name="pageScript"/> the page also has an
    /// action of its own (<c>/AA</c>, run when it is shown).
    /// </summary>
    public static byte[] Hostile(bool pageScript = false) => Handwritten(
        "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> /Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (app.alert\\(2\\)) >>] >> /EmbeddedFiles << /Names [(evil.exe) 6 0 R] >> >> /AcroForm << /Fields [] /XFA 7 0 R >> /AA << /WC << /S /Launch /F (cmd.exe) >> >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>"
            + (pageScript ? " /AA << /O << /S /JavaScript /JS (app.alert\\(3\\)) >> >>" : "")
            + " /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (calc.exe) >> >>] >>",
        Stream("BT /F1 24 Tf 72 700 Td (Hello) Tj ET"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Filespec /F (evil.exe) /EF << /F 8 0 R >> >>",
        Stream("<xdp:xdp/>"),
        "<< /Type /EmbeddedFile /Length 5 >>\nstream\nMZ...\nendstream");

    /// <summary>One page of <paramref name="width"/> × <paramref name="height"/> points.</summary>
    public static byte[] PageOfSize(int width, int height) => Handwritten(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 4 0 R >>",
        Stream("0 0 m 10 10 l S"));

    /// <summary>
    /// One page of <paramref name="width"/> × <paramref name="height"/> points with a blue rectangle over its middle half
    /// (a quarter of the width and height in from each side): a slide whose drawing a test can find in the pixels.
    /// </summary>
    public static byte[] BlueRectangle(int width, int height) => Handwritten(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 4 0 R /Resources << >> >>",
        Stream($"0 0 1 rg {width / 4} {height / 4} {width / 2} {height / 2} re f"));

    /// <summary>A page whose content stream inflates to 1 GB of zeros from about 1 MB.</summary>
    public static byte[] FlateBomb()
    {
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++)
            {
                zlib.Write(zeros);
            }
        }

        var data = deflated.ToArray();
        return Handwritten(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            $"<< /Length {data.Length} /Filter /FlateDecode >>\nstream\n{Encoding.Latin1.GetString(data)}\nendstream");
    }

    /// <summary>A PDF encrypted with the standard security handler under a user password nobody here knows.</summary>
    public static byte[] Encrypted() => Handwritten(
        ["<< /Type /Catalog /Pages 2 0 R >>",
         "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
         Stream("0 0 m 10 10 l S"),
         "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + new string('7', 64) + "> /U <" + new string('3', 64) + "> >>"],
        trailerExtra: " /Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]");

    private static string Stream(string content) => $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream";

    private static byte[] Handwritten(params string[] objects) => Handwritten(objects, "");

    /// <summary>A PDF of <paramref name="objects"/> (numbered from 1, the first the catalog) with a correct cross-reference table.</summary>
    private static byte[] Handwritten(string[] objects, string trailerExtra)
    {
        using var pdf = new MemoryStream();
        void Write(string text) => pdf.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R{trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
