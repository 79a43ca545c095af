// The virtual ESP32's own natives checked in its nanoCLR, with the real libraries (run.sh --self-test builds and runs
// it against a fresh flash folder): System.IO.FileSystem on I:\ as FlashSettingsStore uses it and as the library
// implements the rest, HMAC-SHA256/512 and AES against published test vectors, the ESP32 pin functions, and the
// reboot (last: it ends the run with the reboot exit code). Prints "selftest ok: NAME" or "selftest FAILED: NAME: why"
// per check, then "selftest: N passed, N failed".
// nanoFramework 1.x C#: no generics, no LINQ.
using System;
using System.IO;
using System.Security.Cryptography;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;

namespace VirtualEsp32.SelfTest
{
    public static class Program
    {
        private static int s_passed;
        private static int s_failed;

        public static void Main()
        {
            Check("file missing", FileMissing);
            Check("file write, read, overwrite", FileWriteRead);
            Check("settings save: temporary, delete, move", SettingsSave);
            Check("file stream: seek, length, append", FileStreamCalls);
            Check("directories: create, list, delete", Directories);
            Check("other drives do not exist", OtherDrive);
            Check("HMAC-SHA256 (RFC 4231 case 2)", HmacSha256);
            Check("HMAC-SHA512 (RFC 4231 case 2)", HmacSha512);
            Check("AES-128 ECB (FIPS-197 C.1)", AesEcb);
            Check("pin functions", PinFunctions);
            Check("managed heap", Heap);
            Check("heap compaction under fragmentation", Compaction);
            Console.WriteLine("selftest: " + s_passed.ToString() + " passed, " + s_failed.ToString() + " failed");
            Console.WriteLine("selftest: rebooting");
            Power.RebootDevice();
        }

        private delegate void Test();

        private static void Check(string name, Test test)
        {
            try
            {
                test();
                s_passed++;
                Console.WriteLine("selftest ok: " + name);
            }
            catch (Exception e)
            {
                s_failed++;
                Console.WriteLine("selftest FAILED: " + name + ": " + e.GetType().FullName + " " + e.Message);
            }
        }

        private static void Expect(bool condition, string what)
        {
            if (!condition)
            {
                throw new Exception(what);
            }
        }

        private static bool Same(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] Hex(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)Convert.ToInt32(hex.Substring(i * 2, 2), 16);
            }

            return bytes;
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        private static void FileMissing()
        {
            Expect(!File.Exists("I:\\missing.txt"), "File.Exists on a missing file");
            bool threw = false;
            try
            {
                File.ReadAllBytes("I:\\missing.txt");
            }
            catch (IOException)
            {
                threw = true;
            }

            Expect(threw, "ReadAllBytes of a missing file throws IOException");
        }

        private static void FileWriteRead()
        {
            File.WriteAllBytes("I:\\a.bin", new byte[] { 1, 2, 3, 4, 5 });
            Expect(File.Exists("I:\\a.bin"), "written file exists");
            Expect(Same(File.ReadAllBytes("I:\\a.bin"), new byte[] { 1, 2, 3, 4, 5 }), "read back");
            File.WriteAllBytes("I:\\a.bin", new byte[] { 9 });
            Expect(Same(File.ReadAllBytes("I:\\a.bin"), new byte[] { 9 }), "an overwrite truncates");
            File.Delete("I:\\a.bin");
            Expect(!File.Exists("I:\\a.bin"), "deleted");
        }

        // FlashSettingsStore.Save's calls, in its order
        private static void SettingsSave()
        {
            File.WriteAllBytes("I:\\s.json", Ascii("{\"old\":1}"));
            File.WriteAllBytes("I:\\s.json.new", Ascii("{\"new\":2}"));
            if (File.Exists("I:\\s.json"))
            {
                File.Delete("I:\\s.json");
            }

            File.Move("I:\\s.json.new", "I:\\s.json");
            Expect(!File.Exists("I:\\s.json.new"), "the temporary file is gone");
            Expect(Same(File.ReadAllBytes("I:\\s.json"), Ascii("{\"new\":2}")), "the new content is in place");
            File.Delete("I:\\s.json");
        }

        private static void FileStreamCalls()
        {
            using (FileStream stream = new FileStream("I:\\stream.bin", FileMode.Create))
            {
                stream.Write(new byte[] { 10, 20, 30, 40 }, 0, 4);
                Expect(stream.Length == 4, "length after write");
                stream.Seek(1, SeekOrigin.Begin);
                byte[] two = new byte[2];
                Expect(stream.Read(two, 0, 2) == 2 && two[0] == 20 && two[1] == 30, "read after seek");
                Expect(stream.Read(new byte[8], 0, 8) == 1, "a read past the end returns what is left");
                Expect(stream.Read(new byte[8], 0, 8) == 0, "a read at the end returns 0");
            }

            using (FileStream stream = new FileStream("I:\\stream.bin", FileMode.Append, FileAccess.Write))
            {
                stream.Write(new byte[] { 50 }, 0, 1);
            }

            Expect(Same(File.ReadAllBytes("I:\\stream.bin"), new byte[] { 10, 20, 30, 40, 50 }), "append");
            File.Delete("I:\\stream.bin");
        }

        private static void Directories()
        {
            Directory.CreateDirectory("I:\\dir\\sub");
            Expect(Directory.Exists("I:\\dir\\sub"), "created with its parent");
            File.WriteAllBytes("I:\\dir\\b.txt", new byte[] { 1 });
            File.WriteAllBytes("I:\\dir\\a.txt", new byte[] { 1 });
            string[] files = Directory.GetFiles("I:\\dir");
            Expect(files.Length == 2 && files[0] == "I:\\dir\\a.txt" && files[1] == "I:\\dir\\b.txt", "GetFiles: " + Join(files));
            string[] dirs = Directory.GetDirectories("I:\\dir");
            Expect(dirs.Length == 1 && dirs[0] == "I:\\dir\\sub", "GetDirectories: " + Join(dirs));
            Directory.Delete("I:\\dir", true);
            Expect(!Directory.Exists("I:\\dir"), "deleted recursively");
        }

        private static string Join(string[] items)
        {
            string all = "";
            for (int i = 0; i < items.Length; i++)
            {
                all += (i > 0 ? "," : "") + items[i];
            }

            return all;
        }

        private static void OtherDrive()
        {
            bool threw = false;
            try
            {
                File.WriteAllBytes("D:\\x.bin", new byte[] { 1 });
            }
            catch (Exception)
            {
                threw = true;
            }

            Expect(threw, "a write to D: fails");
        }

        private static void HmacSha256()
        {
            byte[] mac = HMACSHA256.HashData(Ascii("Jefe"), Ascii("what do ya want for nothing?"));
            Expect(Same(mac, Hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")), "digest");
        }

        private static void HmacSha512()
        {
            byte[] mac = HMACSHA512.HashData(Ascii("Jefe"), Ascii("what do ya want for nothing?"));
            Expect(Same(mac, Hex("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")), "digest");
        }

        private static void AesEcb()
        {
            Aes aes = new Aes(CipherMode.ECB);
            aes.Key = Hex("000102030405060708090a0b0c0d0e0f");
            byte[] cipher = aes.Encrypt(Hex("00112233445566778899aabbccddeeff"));
            Expect(Same(cipher, Hex("69c4e0d86a7b0430d8cdb78070b4c55a")), "encrypt");
            Expect(Same(aes.Decrypt(cipher), Hex("00112233445566778899aabbccddeeff")), "decrypt");
        }

        private static void PinFunctions()
        {
            Expect(Configuration.GetFunctionPin(DeviceFunction.I2C1_DATA) == 18, "the ESP32's default I2C1 data pin");
            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(32, DeviceFunction.PWM1);
            Expect(Configuration.GetFunctionPin(DeviceFunction.I2C1_DATA) == 21, "I2C1 data on 21");
            Expect(Configuration.GetFunctionPin(DeviceFunction.PWM1) == 32, "PWM1 on 32");
            bool threw = false;
            try
            {
                Configuration.SetPinFunction(34, DeviceFunction.I2C1_CLOCK);
            }
            catch (ArgumentException)
            {
                threw = true;
            }

            Expect(threw, "an input-only pin refused for I2C");
        }

        private static void Heap()
        {
            uint free = nanoFramework.Runtime.Native.GC.Run(false);
            Console.WriteLine("selftest: free managed heap " + free.ToString() + " bytes");
            Expect(free > 0, "some heap is free");
        }

        // fill the heap with blocks, free every other one, then ask for one larger than any hole: nanoCLR compacts
        // the heap to make room (what a device with a small heap does when it fragments)
        private static void Compaction()
        {
            uint free = nanoFramework.Runtime.Native.GC.Run(false);
            int blockBytes = 2048;
            int count = (int)(free / (uint)blockBytes) * 3 / 4;
            byte[][] blocks = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                blocks[i] = new byte[blockBytes];
                blocks[i][0] = (byte)i;
            }

            for (int i = 0; i < count; i += 2)
            {
                blocks[i] = null;
            }

            byte[] large = new byte[(int)(free / 3)];
            large[large.Length - 1] = 1;
            for (int i = 1; i < count; i += 2)
            {
                Expect(blocks[i][0] == (byte)i, "a kept block keeps its content");
            }

            blocks = null;
            large = null;
            nanoFramework.Runtime.Native.GC.Run(true);
            Expect(s_passed > 0, "still running after an explicit compaction");
        }
    }
}
