using Classroom.Bench;

return await BenchCommands.RunAsync(args);
