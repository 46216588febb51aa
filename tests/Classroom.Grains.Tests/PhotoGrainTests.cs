using System.Text.Json.Nodes;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Photos;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

/// <summary>The photo grain's rules: a photo is stored once, under a photo id, and read back unchanged, after a restart too.</summary>
[Collection(ClassroomCollection.Name)]
public sealed class PhotoGrainTests(ClassroomFixture fixture)
{
    // What the gateway stores: a JPEG (only its start is checked here).
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];

    private IPhotoGrain NewPhoto() => fixture.Cluster.Client.GetGrain<IPhotoGrain>(PhotoIdRule.New());

    [Fact]
    public async Task A_photo_is_stored_once_with_its_owner_size_and_time_and_a_second_store_is_refused()
    {
        var photo = NewPhoto();
        var now = fixture.Cluster.Time.GetUtcNow();

        var info = await photo.StoreAsync("student1", Jpeg, 640, 480);
        var second = await Assert.ThrowsAsync<ClassroomStateException>(() => photo.StoreAsync("student2", [0xFF, 0xD8, 0xFF, 0xD9], 1, 1));
        var content = await photo.GetAsync();

        Assert.Equal(new PhotoInfo(photo.GetPrimaryKeyString(), "student1", 640, 480, Jpeg.Length, now), info);
        Assert.Equal(("photo.already-stored", $"Photo '{photo.GetPrimaryKeyString()}' is already stored; a photo cannot be replaced."), (second.Code, second.Message));
        Assert.Equal(info, content.Info);
        Assert.Equal(Jpeg, content.Jpeg);
        Assert.Equal(info, await photo.GetInfoAsync());
    }

    [Fact]
    public async Task A_photo_id_with_nothing_stored_is_not_found()
    {
        var photo = NewPhoto();

        var get = await Assert.ThrowsAsync<ClassroomNotFoundException>(photo.GetAsync);
        var info = await Assert.ThrowsAsync<ClassroomNotFoundException>(photo.GetInfoAsync);

        Assert.Equal(("photo.not-found", "photo.not-found"), (get.Code, info.Code));
        Assert.Equal($"No photo '{photo.GetPrimaryKeyString()}'.", info.Message);
    }

    [Fact]
    public async Task Only_a_jpeg_with_an_owner_and_a_size_is_stored_and_only_under_a_photo_id()
    {
        var photo = NewPhoto();

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Cluster.Client.GetGrain<IPhotoGrain>("lesson-1").StoreAsync("student1", Jpeg, 1, 1));
        await Assert.ThrowsAsync<ArgumentException>(() => photo.StoreAsync("student1", "<html>"u8.ToArray(), 1, 1));
        await Assert.ThrowsAsync<ArgumentException>(() => photo.StoreAsync("student1", [], 1, 1));
        await Assert.ThrowsAsync<ArgumentException>(() => photo.StoreAsync("", Jpeg, 1, 1));
        await Assert.ThrowsAsync<ArgumentException>(() => photo.StoreAsync("student1", Jpeg, 0, 1));

        await Assert.ThrowsAsync<ClassroomNotFoundException>(photo.GetInfoAsync);
        Assert.Equal(640, (await photo.StoreAsync("student1", Jpeg, 640, 480)).Width);
    }

    [Fact]
    public async Task A_stored_photo_is_read_back_unchanged_after_its_silo_restarts_and_stored_under_stable_names()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var id = PhotoIdRule.New();
        var stored = await cluster.Client.GetGrain<IPhotoGrain>(id).StoreAsync("teacher", Jpeg, 2048, 1536);

        await cluster.RestartAsync();
        var content = await cluster.Client.GetGrain<IPhotoGrain>(id).GetAsync();

        Assert.Equal(stored, content.Info);
        Assert.Equal(Jpeg, content.Jpeg);
        var json = JsonNode.Parse((await cluster.ReadStoredStateAsync(GrainId.Create("photo", id), "photo"))!)!.AsObject();
        Assert.Equal(["ownerId", "width", "height", "createdAt", "jpeg"], json.Select(p => p.Key));
        Assert.Equal(Convert.ToBase64String(Jpeg), json["jpeg"]!.GetValue<string>());
    }
}
