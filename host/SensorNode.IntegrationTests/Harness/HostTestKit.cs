// The host test kit (processes, the observer, build paths) serves every test of this project, as the Harness does.
global using SensorNode.HostTestKit;
