using System.Globalization;
using System.Text;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>Small PDFs written by hand, for the board's slide pages.</summary>
internal static class TestPdfs
{
    /// <summary>
    /// One page of <paramref name="width"/> × <paramref name="height"/> points with a blue rectangle over its middle half
    /// (a quarter of the width and height in from each side).
    /// </summary>
    public static byte[] OneBlueRectangle(int width, int height)
    {
        var content = string.Create(CultureInfo.InvariantCulture, $"0 0 1 rg {width / 4} {height / 4} {width / 2} {height / 2} re f\n");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 4 0 R /Resources << >> >>"),
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>\nstream\n{content}endstream"),
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
