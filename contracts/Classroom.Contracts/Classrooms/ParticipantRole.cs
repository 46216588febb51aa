using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>The role of someone present in a classroom, decided by the classroom, never by the client.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParticipantRole>))]
public enum ParticipantRole
{
    /// <summary>The classroom's teacher.</summary>
    [JsonStringEnumMemberName("teacher")] Teacher,

    /// <summary>Appointed by the teacher; may moderate and run the lesson.</summary>
    [JsonStringEnumMemberName("assistant")] Assistant,

    /// <summary>A student: chats, votes, raises a hand.</summary>
    [JsonStringEnumMemberName("student")] Student,

    /// <summary>Watches only.</summary>
    [JsonStringEnumMemberName("viewer")] Viewer,
}

/// <summary>What kind of account is joining, as the gateway authenticated it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountKind>))]
public enum AccountKind
{
    /// <summary>A teacher's account.</summary>
    [JsonStringEnumMemberName("teacher")] Teacher,

    /// <summary>A student's account.</summary>
    [JsonStringEnumMemberName("student")] Student,

    /// <summary>Anyone else: joins as a viewer.</summary>
    [JsonStringEnumMemberName("guest")] Guest,
}
