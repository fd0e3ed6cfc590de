import Sluice
print(SluiceVersion.string)
