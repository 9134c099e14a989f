import TovholderCore
import TovholderTUI
print("tovholder")
